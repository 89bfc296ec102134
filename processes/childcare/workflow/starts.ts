/** How childcare applications are started (platform/start-once.ts does the starting). */
import { firstAttributes, type CaseStart } from '../../../workflows/kit/case-start';
import {
  childcareApplicationWorkflowId,
  type ChildcareApplicationInput,
  CHILDCARE_PROCESS_CODE,
  CHILDCARE_WORKFLOW_TYPE,
} from './contract';
import { applicationSummary } from './details';

/** One application per provider and site: the ID is the district, the credit code and the site's key. */
export function applicationCaseStart(input: ChildcareApplicationInput): CaseStart<ChildcareApplicationInput> {
  return {
    workflowType: CHILDCARE_WORKFLOW_TYPE,
    workflowId: childcareApplicationWorkflowId(
      input.provider.district,
      input.provider.creditCode,
      input.siteKey,
    ),
    input,
    staticSummary: applicationSummary(input.provider, input.facts.slots),
    typedSearchAttributes: firstAttributes({
      process: CHILDCARE_PROCESS_CODE,
      district: input.provider.district,
      stage: 'completeness-check',
      department: 'health-commission',
    }),
  };
}
