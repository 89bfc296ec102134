/** How a case ends without money: the enterprise declines, or the case is refused with its reason (and told so). */
import type { Payout } from './case';
import type { PolicyPayoutActionArgs } from './contract';
import { tellEnterprise } from './enterprise-wait';

export const declineBy =
  (payout: Payout) =>
  async ({ reason, actor }: PolicyPayoutActionArgs['decline']): Promise<void> => {
    await payout.theCase.closeTask('cancelled');
    payout.state.outcome = { reason: `企业放弃：${reason}`, by: actor.userId };
    delete payout.state.enterpriseDue;
    await payout.theCase.enterStage('declined');
  };

export async function refuseCase(payout: Payout, reason: string, by?: string): Promise<void> {
  payout.state.outcome = { reason, ...(by ? { by } : {}) };
  await payout.theCase.enterStage('refused');
  await tellEnterprise(payout, 'refused', { reason });
}
