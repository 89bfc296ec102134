/**
 * Who may take which decision at which stage: each process states it as a rules table, and the kit checks a
 * decision against it in the Update's validator, so a refused decision never enters history.
 */
import { refuse } from './refusals';
import type { Actor, Department, District, Role } from './vocabulary';

export interface Permission {
  role: Role;
  departments: readonly Department[];
}

export interface DecisionRule<Stage extends string> {
  /** Any one of these lets the actor take the decision. */
  permissions: readonly Permission[];
  /** The stages at which the decision can be taken. */
  stages: readonly Stage[];
}

export type DecisionRules<Action extends string, Stage extends string> = Record<Action, DecisionRule<Stage>>;

/** Whether the actor's role and department match one of the permissions (district aside). */
export function holdsAny(
  permissions: readonly Permission[],
  actor: Pick<Actor, 'department' | 'roles'>,
): boolean {
  return permissions.some((p) => actor.roles.includes(p.role) && p.departments.includes(actor.department));
}

/** Whether the actor's role and department let them take the decision (district and stage aside). */
function permits(rule: DecisionRule<string>, actor: Pick<Actor, 'department' | 'roles'>): boolean {
  return holdsAny(rule.permissions, actor);
}

/** Throws a typed refusal unless the actor may take the action on a case of this district at this stage. */
export function checkDecision<Action extends string, Stage extends string>(
  rules: DecisionRules<Action, Stage>,
  action: Action,
  actor: Actor,
  district: District,
  stage: Stage,
): void {
  const rule = rules[action];
  if (!permits(rule, actor)) refuse('forbidden', `${action} is not open to the caller's role and department`);
  if (actor.district !== 'city' && actor.district !== district) {
    refuse('forbidden', `${action}: the caller's district does not cover ${district}`);
  }
  if (!rule.stages.includes(stage)) {
    refuse('wrongStage', `${action} is not possible while the case is at stage ${stage}`);
  }
}
