/**
 * A human task's escalation ladder: who holds it first and for how long, then who it passes to when that deadline
 * is missed. The last rung keeps the task, overdue and visible, until someone acts. Every rung must be allowed
 * to take the decisions that settle the task (test/unit/escalation-ladders.test.ts walks them against the rules).
 */
import type { Department, Role } from './vocabulary';

export interface Rung {
  department: Department;
  role: Role;
  /** Whether the rung's staff work for the case's district or for the city (district claim `city`). */
  level: 'district' | 'city';
  /** How long this rung has: calendar days, or working days (see `unit`). */
  days: number;
  /** Working days follow the statutory calendar (kit/deadlines.ts); calendar days by default. */
  unit?: 'calendar-days' | 'working-days';
}

export interface TaskLadder<Action extends string, Stage extends string> {
  /** The stage the case waits at while the task is open. */
  stage: Stage;
  /** The decisions that settle the task; every rung may take them. */
  settledBy: readonly [Action, ...Action[]];
  rungs: readonly [Rung, ...Rung[]];
}
