/**
 * The site inspection by a health-commission inspector, then approval by the district health commission and by
 * district finance. A failed inspection or a refusal at either level ends the case with its reasons.
 */
import type { Application } from './application-case';
import type { ChildcareActionArgs } from './contract';
import { refuseApplication, withdraw } from './outcomes';
import { takeStaffChangeAndRecheck } from './staff-change';

const onWithdraw =
  (application: Application) =>
  ({ reason, actor }: ChildcareActionArgs['withdraw']) =>
    withdraw(application, reason, actor.userId);

export async function awaitInspection(application: Application): Promise<void> {
  const { state, kase } = application;
  await kase.decide(await kase.nextDecision(), {
    inspection: async ({ result, photosRef, reason, actor }) => {
      state.inspection = { result, photosRef, by: actor.userId };
      if (result === 'fail') {
        return refuseApplication(application, 'health-commission', [
          `site inspection failed: ${reason ?? ''}`,
        ]);
      }
      await kase.closeTask('done');
      await kase.enterStage('health-approval');
      await kase.openTask('health-approval');
    },
    withdraw: onWithdraw(application),
    'staff-change': takeStaffChangeAndRecheck(application),
  });
}

export async function awaitHealthApproval(application: Application): Promise<void> {
  const { kase } = application;
  await kase.decide(await kase.nextDecision(), {
    'health-approval': async ({ decision, reasons }) => {
      if (decision === 'refuse') return refuseApplication(application, 'health-commission', reasons ?? []);
      await kase.closeTask('done');
      await kase.enterStage('finance-approval');
      await kase.openTask('finance-approval');
    },
    withdraw: onWithdraw(application),
    'staff-change': takeStaffChangeAndRecheck(application),
  });
}

export async function awaitFinanceApproval(application: Application): Promise<void> {
  const { kase } = application;
  await kase.decide(await kase.nextDecision(), {
    'finance-approval': async ({ decision, reasons }) => {
      if (decision === 'refuse') return refuseApplication(application, 'district-finance', reasons ?? []);
      await kase.closeTask('done');
      await kase.enterStage('payment');
    },
    withdraw: onWithdraw(application),
    'staff-change': takeStaffChangeAndRecheck(application),
  });
}
