/** How petitions are started (platform/start-once.ts does the starting). */
import { firstAttributes, type CaseStart } from '../../../workflows/kit/case-start';
import {
  petitionWorkflowId,
  type PetitionInput,
  PETITION_PROCESS_CODE,
  PETITION_WORKFLOW_TYPES,
} from './contract';
import { petitionSummary } from './details';

/** One case per post: the ID is the district and the channel's reference, so a resubmission finds the same case. */
export function petitionCaseStart(input: PetitionInput): CaseStart<PetitionInput> {
  return {
    workflowType: PETITION_WORKFLOW_TYPES.petition,
    workflowId: petitionWorkflowId(input.district, input.petitionRef),
    input,
    staticSummary: petitionSummary(input),
    typedSearchAttributes: firstAttributes({
      process: PETITION_PROCESS_CODE,
      district: input.district,
      stage: 'routing',
      department: 'petition-office',
    }),
  };
}
