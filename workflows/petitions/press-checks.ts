/** What the press desk (观观督办) may do when: the rules its decisions are checked against before they are taken. */
import { refuse } from '../kit/refusals';
import type { PetitionCaseState } from './contract';

/** Checks a press decision against the case: calls only once the ladder reached the desk, one story after a call. */
export function validatePressDecision(
  action: 'press-follow-up' | 'press-publish',
  state: PetitionCaseState,
): void {
  if (action === 'press-follow-up' && state.openTask?.supervisedBy?.department !== 'public-supervision') {
    refuse('wrongStage', 'press-follow-up: the petition has not reached the public supervision desk');
  }
  if (action === 'press-publish') {
    if (!state.press?.calls.length) refuse('wrongStage', 'press-publish: the desk publishes after its call');
    if (state.press.published) refuse('wrongStage', 'press-publish: the outcome was published already');
  }
}
