/** How childcare applications are started (platform/start-once.ts does the starting). */
import { firstAttributes, type CaseStart } from '../../../workflows/kit/case-start';
import { PROCESSES, WORKFLOW_TYPES } from '../../../workflows/registry';
import { childcareApplicationWorkflowId, type ChildcareApplicationInput } from './contract';
import { applicationSummary } from './details';

/** One application per provider and site: the ID is the district, the credit code and the site's key. */
export function applicationCaseStart(input: ChildcareApplicationInput): CaseStart<ChildcareApplicationInput> {
  return {
    workflowType: WORKFLOW_TYPES.childcareApplication,
    workflowId: childcareApplicationWorkflowId(
      input.provider.district,
      input.provider.creditCode,
      input.siteKey,
    ),
    input,
    staticSummary: applicationSummary(input.provider, input.facts.slots),
    typedSearchAttributes: firstAttributes({
      process: PROCESSES.childcareApplication,
      district: input.provider.district,
      stage: 'completeness-check',
      department: 'health-commission',
    }),
  };
}
