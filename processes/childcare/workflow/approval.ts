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
  const { state, theCase } = application;
  await theCase.decide(await theCase.nextDecision(), {
    inspection: async ({ result, photosRef, reason, actor }) => {
      state.inspection = { result, photosRef, by: actor.userId };
      if (result === 'fail') {
        return refuseApplication(application, 'health-commission', [
          `site inspection failed: ${reason ?? ''}`,
        ]);
      }
      await theCase.closeTask('done');
      await theCase.enterStage('health-approval');
      await theCase.openTask('health-approval');
    },
    withdraw: onWithdraw(application),
    'staff-change': takeStaffChangeAndRecheck(application),
  });
}

export async function awaitHealthApproval(application: Application): Promise<void> {
  const { theCase } = application;
  await theCase.decide(await theCase.nextDecision(), {
    'health-approval': async ({ decision, reasons }) => {
      if (decision === 'refuse') return refuseApplication(application, 'health-commission', reasons ?? []);
      await theCase.closeTask('done');
      await theCase.enterStage('finance-approval');
      await theCase.openTask('finance-approval');
    },
    withdraw: onWithdraw(application),
    'staff-change': takeStaffChangeAndRecheck(application),
  });
}

export async function awaitFinanceApproval(application: Application): Promise<void> {
  const { theCase } = application;
  await theCase.decide(await theCase.nextDecision(), {
    'finance-approval': async ({ decision, reasons }) => {
      if (decision === 'refuse') return refuseApplication(application, 'district-finance', reasons ?? []);
      await theCase.closeTask('done');
      await theCase.enterStage('payment');
    },
    withdraw: onWithdraw(application),
    'staff-change': takeStaffChangeAndRecheck(application),
  });
}
