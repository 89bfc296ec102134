/**
 * Waiting on the enterprise (confirming a 免申即享 offer, sending what an application missed): a reminder through
 * 郑好办 halfway, and the case lapses when the working days run out with no answer.
 */
import type { PolicyPayoutActivities } from '../activities/payouts';
import { departmentCalls } from '../../../workflows/kit/activity-options';
import { msUntil } from '../../../workflows/kit/clock';
import { dueIn } from '../../../workflows/kit/deadlines';
import type { Payout } from './case';

const { notifyEnterprise } = departmentCalls<PolicyPayoutActivities>()('郑好办消息');

export type EnterpriseMessage = Parameters<PolicyPayoutActivities['notifyEnterprise']>[0]['template'];

/** Tells the enterprise through 郑好办, once per case and kind of message. */
export function tellEnterprise(
  { state, theCase }: Payout,
  template: EnterpriseMessage,
  params: Record<string, string | number> = {},
): Promise<void> {
  return theCase.call(notifyEnterprise, {
    caseId: state.caseId,
    creditCode: state.creditCode,
    template,
    params: { policy: state.policy.terms.title, year: state.year, ...params },
  });
}

/** Sets the enterprise's deadline, `workingDays` from now, with its reminder halfway. */
export async function startEnterpriseWait({ state }: Payout, workingDays: number): Promise<void> {
  const [remind, due] = await Promise.all([
    dueIn(Math.max(1, Math.floor(workingDays / 2)), 'working-days'),
    dueIn(workingDays, 'working-days'),
  ]);
  state.enterpriseDue = { due, remindAt: remind.dueAt, reminded: false };
}

/**
 * Waits for the enterprise's answer: true when a decision is waiting; false once the case has lapsed. A reminder
 * on the way returns true with nothing decided only if a decision arrived meanwhile.
 */
export async function awaitEnterprise(payout: Payout): Promise<boolean> {
  const { state, theCase } = payout;
  const wait = state.enterpriseDue!;
  if (!wait.reminded) {
    if (await theCase.anyArrival(msUntil(wait.remindAt), { summary: '提醒企业办理' })) return true;
    await tellEnterprise(payout, 'confirmation-reminder', { dueAt: wait.due.dueAt });
    wait.reminded = true;
  }
  if (await theCase.anyArrival(msUntil(wait.due.dueAt), { summary: '企业办理期限' })) return true;
  state.outcome = { reason: '企业逾期未办理（未确认或未补正）' };
  delete state.enterpriseDue;
  await theCase.enterStage('lapsed');
  return false;
}
