/** How petitions are started (platform/start-once.ts does the starting). */
import type { CaseStart } from '../kit/case-start';
import { SEARCH_ATTRIBUTES } from '../kit/search-attributes';
import { PROCESSES, WORKFLOW_TYPES } from '../registry';
import { petitionWorkflowId, type PetitionInput } from './contract';
import { petitionSummary } from './details';

/** One case per post: the ID is the district and the channel's reference, so a resubmission finds the same case. */
export function petitionCaseStart(input: PetitionInput): CaseStart<PetitionInput> {
  return {
    workflowType: WORKFLOW_TYPES.petition,
    workflowId: petitionWorkflowId(input.district, input.petitionRef),
    input,
    staticSummary: petitionSummary(input),
    typedSearchAttributes: [
      { key: SEARCH_ATTRIBUTES.process, value: PROCESSES.petition },
      { key: SEARCH_ATTRIBUTES.district, value: input.district },
      { key: SEARCH_ATTRIBUTES.stage, value: 'routing' },
      { key: SEARCH_ATTRIBUTES.department, value: 'petition-office' },
    ],
  };
}
