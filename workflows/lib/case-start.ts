/**
 * How each process's cases are started, as data: the workflow type, the business-key ID, the arguments, the
 * Web UI's summary and the search attributes a case has from its first moment. Pure, so the process folder
 * owns it; platform/start-once.ts does the starting.
 */
import type { SearchAttributePair } from '@temporalio/common';
import {
  DISTRICTS,
  gasRetrofitCampaignWorkflowId,
  gasRetrofitHouseholdWorkflowId,
  PROCESSES,
  SEARCH_ATTRIBUTES,
  WORKFLOW_TYPES,
  type GasRetrofitCampaignInput,
  type GasRetrofitHouseholdInput,
} from '../definitions';
import { householdSummary } from './case-details';

export interface CaseStart<Input> {
  workflowType: string;
  workflowId: string;
  input: Input;
  staticSummary: string;
  typedSearchAttributes: SearchAttributePair[];
}

/** One case per household, ever: the ID is the district and the gas account. */
export function householdCaseStart(input: GasRetrofitHouseholdInput): CaseStart<GasRetrofitHouseholdInput> {
  return {
    workflowType: WORKFLOW_TYPES.gasRetrofitHousehold,
    workflowId: gasRetrofitHouseholdWorkflowId(input.district, input.accountRef),
    input,
    staticSummary: householdSummary(input.userType, input.district, input.accountRef),
    typedSearchAttributes: [
      { key: SEARCH_ATTRIBUTES.process, value: PROCESSES.gasRetrofitHousehold },
      { key: SEARCH_ATTRIBUTES.district, value: input.district },
      { key: SEARCH_ATTRIBUTES.stage, value: 'eligibility-check' },
      { key: SEARCH_ATTRIBUTES.department, value: 'gas-company' },
      ...(input.campaignId ? [{ key: SEARCH_ATTRIBUTES.campaign, value: input.campaignId }] : []),
    ],
  };
}

/** One campaign per district and campaign ID. */
export function campaignStart(input: GasRetrofitCampaignInput): CaseStart<GasRetrofitCampaignInput> {
  return {
    workflowType: WORKFLOW_TYPES.gasRetrofitCampaign,
    workflowId: gasRetrofitCampaignWorkflowId(input.district, input.campaignId),
    input,
    staticSummary: `燃气安全改造区级批次 · ${DISTRICTS[input.district]} · ${input.campaignId}`,
    typedSearchAttributes: [
      { key: SEARCH_ATTRIBUTES.process, value: PROCESSES.gasRetrofitCampaign },
      { key: SEARCH_ATTRIBUTES.district, value: input.district },
      { key: SEARCH_ATTRIBUTES.stage, value: 'running' },
      { key: SEARCH_ATTRIBUTES.department, value: 'gas-safety-office' },
    ],
  };
}
