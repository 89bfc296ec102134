/**
 * After completion: the petitioner may ask for a review (复查) within 30 days, and after it for a re-review (复核)
 * within 30 days; each is decided within 30 days. No request in time, or a re-review decided, closes the petition:
 * nothing is reopened after the re-review (信访工作条例).
 */
import { daysAfter, msUntil, now } from '../../../workflows/kit/clock';
import type { Petition } from './petition-case';
import { pressDesk } from './press-desk';
import { PETITION_POLICY } from './rules';

/** At `completed` or `reviewed`: waits for the request (any decision wakes the wait), or closes when the window ends. */
export async function awaitReviewRequest(petition: Petition): Promise<void> {
  const { state, theCase } = petition;
  const since = state.reviews?.at(-1)?.decidedAt ?? state.rating?.at ?? now();
  const windowEnds = daysAfter(since, PETITION_POLICY.reviewRequestDays);
  const requested = await theCase.anyArrival(msUntil(windowEnds), { summary: '复查/复核申请期' });
  if (!requested) return theCase.enterStage('closed');
  const level = state.stage === 'completed' ? 'review' : 're-review';
  await theCase.decide(await theCase.nextDecision(), {
    'request-review': async () => {
      (state.reviews ??= []).push({ level, requestedAt: now() });
      await theCase.enterStage(level === 'review' ? 'under-review' : 'under-re-review');
      await theCase.openTask(level);
    },
    ...pressDesk(petition),
  });
}

export async function awaitReviewDecision({ state, theCase }: Petition): Promise<void> {
  await theCase.decide(await theCase.nextDecision(), {
    'decide-review': async ({ actor, outcome, opinionRef }) => {
      const review = state.reviews!.at(-1)!;
      Object.assign(review, { outcome, by: actor.userId, decidedAt: now(), opinionRef });
      await theCase.closeTask('done');
      await theCase.enterStage(review.level === 'review' ? 'reviewed' : 'closed');
    },
  });
}
