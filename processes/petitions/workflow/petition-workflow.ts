import { ApplicationFailure, workflowInfo } from '@temporalio/workflow';
import {
  PETITION_TERMINAL_STAGES,
  type PetitionCaseState,
  type PetitionInput,
  PETITION_PROCESS_CODE,
} from './contract';
import { awaitAcceptance, awaitRating, awaitReply, route } from './handling';
import { openPetition } from './petition-case';
import { REVIEW_PATCH } from './patches';
import { awaitReviewDecision, awaitReviewRequest } from './review';

function initialState(input: PetitionInput): PetitionCaseState {
  return {
    caseId: workflowInfo().workflowId,
    process: PETITION_PROCESS_CODE,
    district: input.district,
    stage: 'routing',
    channel: input.channel,
    category: input.category,
    kind: input.kind,
    receivedAt: input.receivedAt,
    transfers: [],
    deadlines: {},
    supervisionNotes: [],
  };
}

/**
 * One citizen's petition (心通桥, docs/sources.md): routed by the petition office's table → accepted or
 * transferred by the department → replied within the kind's working-day limit (extended once) → rated by the
 * petitioner (a dissatisfied rating reopens it once) → completed → review (复查) and re-review (复核) if asked for
 * in time → closed. A missed deadline brings supervision rung by rung.
 */
export async function petition(input: PetitionInput): Promise<PetitionCaseState> {
  const opened = openPetition(input, initialState(input));
  const { state, theCase } = opened;
  await route(opened);
  while (!PETITION_TERMINAL_STAGES.includes(state.stage)) {
    switch (state.stage) {
      case 'awaiting-acceptance':
        await awaitAcceptance(opened);
        break;
      case 'handling':
        await awaitReply(opened);
        break;
      case 'replied':
        await awaitRating(opened);
        break;
      case 'completed':
        // Runs recorded before review and re-review ended here.
        if (!theCase.hasPatch(REVIEW_PATCH)) {
          await theCase.finish();
          return state;
        }
        await awaitReviewRequest(opened);
        break;
      case 'reviewed':
        await awaitReviewRequest(opened);
        break;
      case 'under-review':
      case 'under-re-review':
        await awaitReviewDecision(opened);
        break;
      default:
        throw ApplicationFailure.nonRetryable(`no step for stage ${state.stage}`);
    }
  }
  await theCase.finish();
  return state;
}
