/**
 * The search attributes that let a supervisor filter cases in the Web UI beyond process, district and stage: who
 * must act, by when, whether that is overdue, how far it has escalated, and the money involved. Values are codes,
 * times and amounts only: search attributes are stored unencrypted, so no personal data may ever go here.
 */
import type { SearchAttributeUpdatePair } from '@temporalio/common';
import { SEARCH_ATTRIBUTES } from '../kit/search-attributes';
import type { Department } from '../kit/vocabulary';
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
  const task = state.openTask;
  return [
    {
      key: SEARCH_ATTRIBUTES.department,
      value: task?.department ?? GAS_RETROFIT_STAGE_HOLDERS[state.stage] ?? null,
    },
    { key: SEARCH_ATTRIBUTES.nextDeadline, value: task ? new Date(task.dueAt) : null },
    { key: SEARCH_ATTRIBUTES.overdue, value: task?.overdue ?? false },
    { key: SEARCH_ATTRIBUTES.escalationRung, value: task?.escalationRung ?? 0 },
    { key: SEARCH_ATTRIBUTES.amountFen, value: state.settlement?.totalFen ?? null },
  ];
}
