/** What the press desk (观观督办) may do when: the rules its decisions are checked against before they are taken. */
import { refuse } from '../../../workflows/kit/refusals';
import type { PetitionAction, PetitionCaseState } from './contract';

const PRESS_ACTIONS = ['press-take-up', 'press-follow-up', 'press-visit', 'press-publish'] as const;
type PressAction = (typeof PRESS_ACTIONS)[number];
export const isPressAction = (action: PetitionAction): action is PressAction =>
  (PRESS_ACTIONS as readonly string[]).includes(action);

/** The desk has the petition: it took it up, or the ladder's last rung handed it over. */
const onTheDesk = (state: PetitionCaseState): boolean =>
  state.press?.takenUp !== undefined || state.openTask?.supervisedBy?.department === 'public-supervision';

/**
 * Checks a press decision against the case: never a report (the whistleblower's post is the petition office's);
 * a take-up once, of what the ladder has not handed over; calls and visits once the desk has it; one story, after
 * a call or a visit.
 */
export function validatePressDecision(action: PressAction, state: PetitionCaseState): void {
  if (state.kind === 'report')
    refuse('forbidden', `${action}: the press desk never takes up a report (举报)`);
  if (action === 'press-take-up') {
    if (onTheDesk(state)) refuse('wrongStage', 'press-take-up: the petition is on the desk already');
    return;
  }
  if (action === 'press-follow-up' || action === 'press-visit') {
    if (!onTheDesk(state)) {
      refuse(
        'wrongStage',
        `${action}: the petition has not reached the public supervision desk, nor did it take it up`,
      );
    }
    return;
  }
  if (!state.press?.calls.length && !state.press?.visits?.length) {
    refuse('wrongStage', 'press-publish: the desk publishes after its call or visit');
  }
  if (state.press.published) refuse('wrongStage', 'press-publish: the outcome was published already');
}
