/**
 * The gas retrofit's search attributes beyond process, district and stage (kit/case-attributes.ts): who holds a
 * case at each stage when no task names someone, and the settled total.
 */
import type { SearchAttributeUpdatePair } from '@temporalio/common';
import { caseAttributes } from '../../../workflows/kit/case-attributes';
import type { Department } from '../../../workflows/kit/vocabulary';
import type { GasRetrofitCaseState, GasRetrofitStage } from './contract';

/** Who holds a case at each stage when no task names someone; undefined once the case needs nobody. */
export const GAS_RETROFIT_STAGE_HOLDERS: Record<GasRetrofitStage, Department | undefined> = {
  'eligibility-check': 'gas-company',
  eligible: undefined,
  ineligible: undefined,
  scheduling: 'installer',
  'installation-scheduled': 'installer',
  'grid-follow-up': 'community',
  acceptance: 'gas-company',
  settlement: 'district-finance',
  'awaiting-tender-price': 'district-finance',
  payment: 'district-finance',
  'payment-incident': 'district-finance',
  closed: undefined,
  cancelled: undefined,
  'settlement-reversed': undefined,
  'calibration-watch': 'gas-company',
};

export function gasRetrofitCaseAttributes(state: GasRetrofitCaseState): SearchAttributeUpdatePair[] {
  return caseAttributes(state.openTask, GAS_RETROFIT_STAGE_HOLDERS[state.stage], state.settlement?.totalFen);
}
