/**
 * What every step of a household case shares: the case (kit), its state, its input, and the definition that the
 * kit opens it with — decisions, rules, ladders and how the case shows itself.
 */
import { setHandler } from '@temporalio/workflow';
import { openCase, type Case } from '../../../workflows/kit/case';
import { refuseInvalid } from '../../../workflows/kit/refusals';
import { HOUSEHOLD_DECISION_RULES } from './rules';
import {
  GAS_RETROFIT_ACTIONS,
  gasRetrofitStateQuery,
  gasRetrofitUpdates,
  tenderPricesSetSignal,
  type GasRetrofitAction,
  type GasRetrofitActionArgs,
  type GasRetrofitCaseState,
  type GasRetrofitHouseholdInput,
  type GasRetrofitStage,
} from './contract';
import { gasRetrofitCaseAttributes } from './attributes';
import { householdDetails } from './details';
import { GAS_RETROFIT_LADDERS, GAS_RETROFIT_RULES, type GasRetrofitTaskKind } from './rules';

/** The full process (scheduling → installation → acceptance → settlement → payments) after the first slice. */
export const FULL_PROCESS_PATCH = 'gas-retrofit-full-process';
/** A cancellation no longer waits for a pending booking (which may wait days for installer capacity). */
export const CANCEL_WHILE_SCHEDULING_PATCH = 'gas-retrofit-cancel-while-scheduling';
/** Cases started before this also publish department, deadline, overdue, escalation rung and amount. */
const CASE_ATTRIBUTES_PATCH = 'gas-retrofit-case-attributes';
/**
 * Final settlement at the tender price (a case without one waits for it), and non-residential users paying
 * their suppliers themselves (nothing settled). Runs before this priced at the estimate where no tender existed.
 */
export const SETTLE_AT_TENDER_PATCH = 'gas-retrofit-settles-at-tender-price';

export type HouseholdCase = Case<
  GasRetrofitStage,
  GasRetrofitAction,
  GasRetrofitActionArgs,
  GasRetrofitTaskKind
>;

export interface Household {
  input: GasRetrofitHouseholdInput;
  state: GasRetrofitCaseState;
  theCase: HouseholdCase;
  /** Set by the signal that the district's tender prices were set; the waiting step clears it as it looks. */
  tenderPricesSet: boolean;
}

/** The parts that must be fitted, each with a serial number in the installation report. */
function partsFitted(state: GasRetrofitCaseState): string[] {
  const parts: string[] = [];
  if (state.userType.startsWith('non-residential')) parts.push('alarm', 'shutoffValve');
  if (state.items?.valve) parts.push('valve');
  if (state.items?.hoseLengthM !== undefined) parts.push('hose');
  return parts;
}

/** What a decision must carry beyond who takes it and when. */
function validateArguments(
  action: GasRetrofitAction,
  args: GasRetrofitActionArgs[GasRetrofitAction],
  state: GasRetrofitCaseState,
): void {
  if (action === 'report-installation') {
    const { serials } = args as GasRetrofitActionArgs['report-installation'];
    for (const part of partsFitted(state)) {
      if (!serials[part]?.trim()) refuseInvalid(HOUSEHOLD_DECISION_RULES['report-installation'][0], part);
    }
  }
  if (action === 'acceptance') {
    const { result, reason } = args as GasRetrofitActionArgs['acceptance'];
    if (result === 'fail' && !reason?.trim()) refuseInvalid(HOUSEHOLD_DECISION_RULES.acceptance[0]);
  }
}

export function openHousehold(input: GasRetrofitHouseholdInput, state: GasRetrofitCaseState): Household {
  const theCase = openCase<
    GasRetrofitCaseState,
    GasRetrofitStage,
    GasRetrofitAction,
    GasRetrofitActionArgs,
    GasRetrofitTaskKind
  >(
    {
      actions: GAS_RETROFIT_ACTIONS,
      updates: gasRetrofitUpdates,
      stateQuery: gasRetrofitStateQuery,
      rules: GAS_RETROFIT_RULES,
      ladders: GAS_RETROFIT_LADDERS,
      validate: validateArguments,
      patchesBeforeBaseline: [
        FULL_PROCESS_PATCH,
        CANCEL_WHILE_SCHEDULING_PATCH,
        CASE_ATTRIBUTES_PATCH,
        SETTLE_AT_TENDER_PATCH,
      ],
      publication: {
        attributes: (s, hasPatch) => (hasPatch(CASE_ATTRIBUTES_PATCH) ? gasRetrofitCaseAttributes(s) : []),
        details: householdDetails,
        registry: (s) => ({
          caseId: s.caseId,
          ...(input.campaignId ? { campaignId: input.campaignId } : {}),
          process: s.process,
          district: s.district,
          details: {
            accountRef: s.accountRef,
            userType: s.userType,
            channel: s.channel,
            eligibilityCheckId: s.eligibility?.checkId ?? null,
            ineligibilityReason: s.eligibility?.outcome === 'ineligible' ? s.eligibility.reason : null,
            bookingDay: s.booking?.day ?? null,
            totalFen: s.settlement?.totalFen ?? null,
          },
        }),
      },
    },
    state,
  );
  const household: Household = { input, state, theCase, tenderPricesSet: false };
  setHandler(tenderPricesSetSignal, () => {
    household.tenderPricesSet = true;
  });
  return household;
}
