/**
 * A human task's escalation ladder: who holds it first and for how long, then who it passes to when that deadline
 * is missed. The last rung keeps the task, overdue and visible, until someone acts. Every rung must be allowed
 * to take the decisions that settle the task (test/unit/escalation-ladders.test.ts walks them against the rules).
 */
import type { Permission } from './access';
import type { Department, Role } from './vocabulary';

/** Whether a rung's staff work for the case's district or for the city (district claim `city`). */
export type RungLevel = 'district' | 'city';

export interface Rung {
  department: Department;
  role: Role;
  level: RungLevel;
  /** How long this rung has: calendar days, or working days (see `unit`). */
  days: number;
  /** Working days follow the statutory calendar (kit/deadlines.ts); calendar days by default. */
  unit?: 'calendar-days' | 'working-days';
}

/** A task settled by an act outside the case (a district's price list, say), which the case then learns of. */
export interface SettledOutside {
  /** What settles it, in words, for the task board and the README. */
  act: string;
  /** Who may perform that act; every rung must be among them. */
  permissions: readonly Permission[];
}

export interface TaskLadder<Action extends string, Stage extends string> {
  /**
   * `reassign` (the default): a missed deadline passes the task to the next rung, who then settles it.
   * `supervise`: the task stays with whoever holds it; each rung after the first watches over it (催办, 督办) with
   * its own deadline, and only the first rung's holder must be able to settle it.
   */
  escalation?: 'reassign' | 'supervise';
  /** The stage the case waits at while the task is open. */
  stage: Stage;
  /** The decisions that settle the task, or the act outside the case that does; every rung may take them. */
  settledBy: readonly [Action, ...Action[]] | SettledOutside;
  rungs: readonly [Rung, ...Rung[]];
}
