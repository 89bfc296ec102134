import { ApplicationFailure, continueAsNew, workflowInfo } from '@temporalio/workflow';
import type { GasRetrofitActivities } from '../activities/households';
import {
  GAS_RETROFIT_TERMINAL_STAGES,
  type GasRetrofitCaseState,
  type GasRetrofitHouseholdInput,
  GAS_RETROFIT_PROCESS_CODES,
} from './contract';
import { departmentCalls } from '../../../workflows/kit/activity-options';
import { watchCalibration } from './calibration';
import { FULL_PROCESS_PATCH, openHousehold, type Household } from './household-case';
import {
  awaitAcceptance,
  awaitAcceptanceStage,
  awaitGridFollowUp,
  awaitInstallation,
  bookSlot,
  schedule,
} from './installation';
import { awaitIncidentResolution, pay } from './payments';
import { awaitTenderPrice, settle } from './pricing';

const { checkGasEligibility } = departmentCalls<GasRetrofitActivities>()('燃气公司核验户号与用户类型');

function initialState(input: GasRetrofitHouseholdInput): GasRetrofitCaseState {
  return {
    caseId: workflowInfo().workflowId,
    process: GAS_RETROFIT_PROCESS_CODES.household,
    district: input.district,
    accountRef: input.accountRef,
    userType: input.userType,
    channel: input.channel,
    stage: 'eligibility-check',
    ...(input.items ? { items: input.items } : {}),
  };
}

/** Eligibility at the gas company, then the first step: a slot, or (new builds) straight to acceptance. */
async function begin(household: Household): Promise<void> {
  const { input, state, theCase } = household;
  await theCase.enterStage('eligibility-check');
  state.eligibility = await theCase.call(checkGasEligibility, {
    idempotencyKey: `${state.caseId}:eligibility`,
    caseId: state.caseId,
    district: input.district,
    accountRef: input.accountRef,
    userType: input.userType,
    ...(input.items ? { items: input.items } : {}),
  });
  if (state.eligibility.outcome === 'ineligible') return theCase.enterStage('ineligible');
  if (!theCase.hasPatch(FULL_PROCESS_PATCH)) return theCase.enterStage('eligible');
  if (state.userType === 'new-build-residential') await awaitAcceptanceStage(household);
  else await bookSlot(household);
}

/**
 * One household's gas-safety retrofit case (docs/sources.md, gas-safety retrofit): eligibility at the gas company → an
 * installer slot → installation (reschedules, misses, grid-worker follow-up) → acceptance by the gas company →
 * settlement at the district's tender prices (waiting for them where none are set) → the four parties' payments →
 * closed. Non-residential users pay their suppliers themselves: once accepted, their case watches the alarm's
 * yearly calibration for as long as the account is active.
 */
export async function gasRetrofitHousehold(input: GasRetrofitHouseholdInput): Promise<GasRetrofitCaseState> {
  const household = openHousehold(input, input.carriedOver ?? initialState(input));
  const { state, theCase } = household;
  if (!input.carriedOver) await begin(household);

  while (!GAS_RETROFIT_TERMINAL_STAGES.includes(state.stage)) {
    switch (state.stage) {
      case 'scheduling':
        await schedule(household);
        break;
      case 'installation-scheduled':
        await awaitInstallation(household);
        break;
      case 'grid-follow-up':
        await awaitGridFollowUp(household);
        break;
      case 'acceptance':
        await awaitAcceptance(household);
        break;
      case 'settlement':
        await settle(household);
        break;
      case 'awaiting-tender-price':
        await awaitTenderPrice(household);
        break;
      case 'payment':
        await pay(household);
        break;
      case 'payment-incident':
        await awaitIncidentResolution(household);
        break;
      case 'calibration-watch':
        if ((await watchCalibration(household)) === 'continue-as-new') {
          await theCase.closeRun();
          await continueAsNew<typeof gasRetrofitHousehold>({ ...input, carriedOver: state });
        }
        break;
      default:
        throw ApplicationFailure.nonRetryable(`no step for stage ${state.stage}`);
    }
  }
  await theCase.finish();
  return state;
}
