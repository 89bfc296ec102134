/** How childcare applications are started (platform/start-once.ts does the starting). */
import type { CaseStart } from '../kit/case-start';
import { SEARCH_ATTRIBUTES } from '../kit/search-attributes';
import { PROCESSES, WORKFLOW_TYPES } from '../registry';
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
    typedSearchAttributes: [
      { key: SEARCH_ATTRIBUTES.process, value: PROCESSES.childcareApplication },
      { key: SEARCH_ATTRIBUTES.district, value: input.provider.district },
      { key: SEARCH_ATTRIBUTES.stage, value: 'completeness-check' },
      { key: SEARCH_ATTRIBUTES.department, value: 'health-commission' },
    ],
  };
}
