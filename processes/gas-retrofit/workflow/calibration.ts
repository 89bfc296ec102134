/**
 * Non-residential alarms are calibrated every year (每年校验): a long timer per account, then a task for the gas
 * company; each calibration year ends the run with continue-as-new, so the history stays small for decades.
 */
import type { GasRetrofitActivities } from '../activities/households';
import { inDays, msUntil, now } from '../../../workflows/kit/clock';
import { departmentCalls } from '../../../workflows/kit/activity-options';
import { GAS_RETROFIT_TIMINGS } from './rules';
import type { Household } from './household-case';

const { isGasAccountActive } = departmentCalls<GasRetrofitActivities>()('核实燃气户号是否在用');

/** Waits for the year's calibration; `ended` when the account has closed meanwhile. */
export async function watchCalibration({ state, theCase }: Household): Promise<'continue-as-new' | 'ended'> {
  state.calibration ??= {
    nextDueAt: inDays(GAS_RETROFIT_TIMINGS.calibrationIntervalDays),
    lastCalibratedAt: null,
    year: 1,
  };
  const calibration = state.calibration;
  if (!state.openTask) {
    // Any decision wakes the watch: a calibration recorded early, or one that came too late for an earlier step
    // (answered 409 below) — never left waiting a year for its answer.
    const early = await theCase.anyArrival(msUntil(calibration.nextDueAt), { summary: '报警器年度校验到期' });
    if (!early) {
      if (!(await theCase.call(isGasAccountActive, { accountRef: state.accountRef }))) {
        await theCase.enterStage('closed');
        return 'ended';
      }
      await theCase.openTask('alarm-calibration');
      await theCase.enterStage('calibration-watch');
    }
  }
  await theCase.decide(await theCase.nextDecision(), {
    'record-calibration': async () => {
      await theCase.closeTask('done');
      calibration.lastCalibratedAt = now();
      calibration.nextDueAt = inDays(GAS_RETROFIT_TIMINGS.calibrationIntervalDays);
      calibration.year += 1;
    },
  });
  return 'continue-as-new';
}
