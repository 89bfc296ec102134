/** How the gas retrofit's cases and campaigns are started (platform/start-once.ts does the starting). */
import { firstAttributes, type CaseStart } from '../../../workflows/kit/case-start';
import { DISTRICTS } from '../../../workflows/kit/vocabulary';
import {
  gasRetrofitCampaignWorkflowId,
  gasRetrofitHouseholdWorkflowId,
  type GasRetrofitCampaignInput,
  type GasRetrofitHouseholdInput,
  GAS_RETROFIT_PROCESS_CODES,
  GAS_RETROFIT_WORKFLOW_TYPES,
} from './contract';
import { SEARCH_ATTRIBUTES } from '../../../workflows/kit/search-attributes';
import { householdSummary } from './details';

/** One case per household, ever: the ID is the district and the gas account. */
export function householdCaseStart(input: GasRetrofitHouseholdInput): CaseStart<GasRetrofitHouseholdInput> {
  return {
    workflowType: GAS_RETROFIT_WORKFLOW_TYPES.household,
    workflowId: gasRetrofitHouseholdWorkflowId(input.district, input.accountRef),
    input,
    staticSummary: householdSummary(input.userType, input.district, input.accountRef),
    typedSearchAttributes: [
      ...firstAttributes({
        process: GAS_RETROFIT_PROCESS_CODES.household,
        district: input.district,
        stage: 'eligibility-check',
        department: 'gas-company',
      }),
      ...(input.campaignId ? [{ key: SEARCH_ATTRIBUTES.campaign, value: input.campaignId }] : []),
    ],
  };
}

/** One campaign per district and campaign ID. */
export function campaignStart(input: GasRetrofitCampaignInput): CaseStart<GasRetrofitCampaignInput> {
  return {
    workflowType: GAS_RETROFIT_WORKFLOW_TYPES.campaign,
    workflowId: gasRetrofitCampaignWorkflowId(input.district, input.campaignId),
    input,
    staticSummary: `燃气安全改造区级批次 · ${DISTRICTS[input.district]} · ${input.campaignId}`,
    typedSearchAttributes: [
      { key: SEARCH_ATTRIBUTES.process, value: GAS_RETROFIT_PROCESS_CODES.campaign },
      { key: SEARCH_ATTRIBUTES.district, value: input.district },
      { key: SEARCH_ATTRIBUTES.stage, value: 'running' },
      { key: SEARCH_ATTRIBUTES.department, value: 'gas-safety-office' },
    ],
  };
}
