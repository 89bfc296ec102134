/**
 * A household's installation: an installer slot (waiting for capacity, interruptible by a cancellation), the
 * visit (reschedule, missed visits and the community grid worker's follow-up), and the gas company's acceptance.
 */
import { CancellationScope, isCancellation, proxyActivities } from '@temporalio/workflow';
import type { GasRetrofitActivities } from '../activities/households';
import type { GasRetrofitActionArgs } from './contract';
import { departmentCalls } from '../../../workflows/kit/activity-options';
import { CANCEL_WHILE_SCHEDULING_PATCH, SETTLE_AT_TENDER_PATCH, type Household } from './household-case';
import { GAS_RETROFIT_LIMITS } from './rules';

const call = departmentCalls<GasRetrofitActivities>();
const { endInstallationBooking } = call('释放或结束安装预约');
const { releaseBookingAttempt } = call('撤销未完成的预约');
const { recordInstallationCompletion } = call('登记安装完成与配件编号');
const { recordAcceptanceCheck } = call('登记燃气公司验收结果');
// Installer capacity frees up as days pass: keep trying, slowly, rather than fail the case.
const { bookInstallationSlot } = proxyActivities<GasRetrofitActivities>({
  summary: '预约安装队上门时段',
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '30 seconds', backoffCoefficient: 2, maximumInterval: '6 hours' },
});

/** Books the earliest free slot; a cancellation that arrives meanwhile stops the booking and frees any slot. */
export async function bookSlot({ state, theCase }: Household, earliestDay?: string): Promise<void> {
  await theCase.enterStage('scheduling');
  // Each entry into scheduling has its own revision, so each booking its own key.
  const request = {
    idempotencyKey: `${state.caseId}:booking:${state.revision}`,
    caseId: state.caseId,
    district: state.district,
    ...(earliestDay ? { earliestDay } : {}),
  };
  if (!theCase.hasPatch(CANCEL_WHILE_SCHEDULING_PATCH)) {
    state.booking = await bookInstallationSlot(request);
    await theCase.enterStage('installation-scheduled');
    return;
  }
  const attempt = new CancellationScope();
  const booked = attempt.run(() => theCase.call(bookInstallationSlot, request, 'tell-first'));
  const outcome = await Promise.race([
    booked.then((booking) => ({ booking })),
    theCase.arrival('cancel').then(() => 'cancel' as const),
  ]);
  if (outcome === 'cancel') {
    attempt.cancel();
    await booked.catch((error: unknown) => {
      if (!isCancellation(error)) throw error;
    });
    // The booking may have landed just before the cancellation did: free whatever slot this request took.
    await theCase.call(releaseBookingAttempt, { idempotencyKey: request.idempotencyKey });
    return; // still at `scheduling`: the main loop applies the pending cancellation
  }
  state.booking = outcome.booking;
  await theCase.enterStage('installation-scheduled');
}

async function endBooking({ state, theCase }: Household, status: 'released' | 'missed'): Promise<void> {
  if (state.booking)
    await theCase.call(endInstallationBooking, { bookingId: state.booking.bookingId, status });
  delete state.booking;
}

async function cancel(
  household: Household,
  reason: GasRetrofitActionArgs['cancel']['reason'],
  by: string,
): Promise<void> {
  await endBooking(household, 'released');
  await household.theCase.closeTask('cancelled');
  household.state.cancellation = { reason, by };
  await household.theCase.enterStage('cancelled');
}

const onCancel =
  (household: Household) =>
  ({ reason, actor }: GasRetrofitActionArgs['cancel']) =>
    cancel(household, reason, actor.userId);

/** At `scheduling` a cancellation may be waiting (it interrupted the booking): apply it, or book. */
export async function schedule(household: Household): Promise<void> {
  const cancellation = household.theCase.take('cancel');
  if (cancellation) await household.theCase.decide(cancellation, { cancel: onCancel(household) });
  else await bookSlot(household);
}

export async function awaitAcceptanceStage({ theCase }: Household): Promise<void> {
  await theCase.enterStage('acceptance');
  await theCase.openTask('acceptance');
}

export async function awaitInstallation(household: Household): Promise<void> {
  const { state, theCase } = household;
  await theCase.decide(await theCase.nextDecision(), {
    reschedule: async ({ preferredDay }) => {
      await endBooking(household, 'released');
      await bookSlot(household, preferredDay);
    },
    'record-miss': async () => {
      await endBooking(household, 'missed');
      state.misses = (state.misses ?? 0) + 1;
      if (state.misses >= GAS_RETROFIT_LIMITS.missesBeforeGridFollowUp) {
        await theCase.enterStage('grid-follow-up');
        await theCase.openTask('grid-follow-up');
      } else {
        await bookSlot(household);
      }
    },
    'report-installation': async ({ serials, actor }) => {
      await theCase.call(recordInstallationCompletion, {
        idempotencyKey: `${state.caseId}:completion:${state.revision}`,
        caseId: state.caseId,
        bookingId: state.booking!.bookingId,
        serials,
        reportedBy: actor.userId,
      });
      state.serials = serials;
      await awaitAcceptanceStage(household);
    },
    cancel: onCancel(household),
  });
}

export async function awaitGridFollowUp(household: Household): Promise<void> {
  const { state, theCase } = household;
  await theCase.decide(await theCase.nextDecision(), {
    'grid-follow-up': async ({ outcome, actor }) => {
      if (outcome === 'withdrawn') return cancel(household, 'resident-withdrew', actor.userId);
      await theCase.closeTask('done');
      state.misses = 0;
      await bookSlot(household);
    },
    cancel: onCancel(household),
  });
}

export async function awaitAcceptance(household: Household): Promise<void> {
  const { state, theCase } = household;
  await theCase.decide(await theCase.nextDecision(), {
    acceptance: async ({ result, reason, actor }) => {
      await theCase.call(recordAcceptanceCheck, {
        idempotencyKey: `${state.caseId}:acceptance:${state.revision}`,
        caseId: state.caseId,
        result,
        ...(reason ? { reason } : {}),
        inspector: actor.userId,
      });
      await theCase.closeTask('done');
      if (result === 'fail') {
        state.reworks = (state.reworks ?? 0) + 1;
        // New-build homes are only verified: the builder puts it right, and the gas company checks again.
        if (state.userType === 'new-build-residential') return awaitAcceptanceStage(household);
        return bookSlot(household);
      }
      if (state.userType === 'new-build-residential') return theCase.enterStage('closed');
      // Non-residential users buy and pay for the alarm, shut-off valve and hose themselves (自行采购、自行承担).
      if (state.userType.startsWith('non-residential') && theCase.hasPatch(SETTLE_AT_TENDER_PATCH)) {
        return theCase.enterStage('calibration-watch');
      }
      await theCase.enterStage('settlement');
    },
  });
}
