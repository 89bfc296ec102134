/**
 * Who may take which decision on a gas-retrofit case, and at which stage. Pure: update validators run it, so a
 * refused decision never reaches history, and an accepted one carries its actor into history.
 */
import { ApplicationFailure } from '@temporalio/common';
import {
  DECISION_REFUSALS,
  type Actor,
  type Department,
  type District,
  type GasRetrofitAction,
  type GasRetrofitStage,
  type Role,
} from '../definitions';

interface Permission {
  role: Role;
  departments: readonly Department[];
}

export const DECISION_PERMISSIONS: Record<GasRetrofitAction, readonly Permission[]> = {
  reschedule: [{ role: 'clerk', departments: ['gas-company'] }],
  'record-miss': [{ role: 'installer', departments: ['installer'] }],
  'report-installation': [{ role: 'installer', departments: ['installer'] }],
  acceptance: [{ role: 'clerk', departments: ['gas-company'] }],
  'grid-follow-up': [
    { role: 'grid-worker', departments: ['community'] },
    // After escalation the city's gas-safety office may settle the follow-up itself.
    { role: 'supervisor', departments: ['gas-safety-office'] },
  ],
  'resolve-incident': [{ role: 'finance', departments: ['city-finance', 'district-finance'] }],
  cancel: [{ role: 'clerk', departments: ['gas-company', 'gas-safety-office'] }],
  'record-calibration': [
    { role: 'installer', departments: ['installer'] },
    { role: 'clerk', departments: ['gas-company'] },
  ],
};

export const DECISION_STAGES: Record<GasRetrofitAction, readonly GasRetrofitStage[]> = {
  reschedule: ['installation-scheduled'],
  'record-miss': ['installation-scheduled'],
  'report-installation': ['installation-scheduled'],
  acceptance: ['acceptance'],
  'grid-follow-up': ['grid-follow-up'],
  'resolve-incident': ['payment-incident'],
  cancel: ['scheduling', 'installation-scheduled', 'grid-follow-up'],
  'record-calibration': ['calibration-watch'],
};

export function refuse(kind: keyof typeof DECISION_REFUSALS, message: string): never {
  throw ApplicationFailure.nonRetryable(message, DECISION_REFUSALS[kind]);
}

/** Throws a typed ApplicationFailure unless the actor may take the action on this case at this stage. */
export function checkDecision(
  action: GasRetrofitAction,
  actor: Actor,
  district: District,
  stage: GasRetrofitStage,
): void {
  const permitted = DECISION_PERMISSIONS[action].some(
    (p) => actor.roles.includes(p.role) && p.departments.includes(actor.department),
  );
  if (!permitted) refuse('forbidden', `${action} is not open to the caller's role and department`);
  if (actor.district !== 'city' && actor.district !== district) {
    refuse('forbidden', `${action}: the caller's district does not cover ${district}`);
  }
  if (!DECISION_STAGES[action].includes(stage)) {
    refuse('wrongStage', `${action} is not possible while the case is at stage ${stage}`);
  }
}
