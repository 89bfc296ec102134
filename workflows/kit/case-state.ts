/** What every case of every process keeps about itself, whatever else its process adds. */
import type { RungLevel } from './ladder';
import type { Actor, Department, District, Role } from './vocabulary';

/** What a run had not yet told the read models: whether the registry row and open task are behind, and closings. */
export interface Untold {
  registry: boolean;
  openTask: boolean;
  closedTasks: Array<{
    task: OpenTaskSummary & { caseId: string; district: District };
    status: 'done' | 'cancelled';
  }>;
}

/** A deadline as a case records it. */
export interface Due {
  dueAt: string;
  /** Years without a published holiday schedule that the period runs through (working days only). */
  provisionalYears?: number[];
}

/** Who holds a task whose first holder is known only at run time, and from when its first deadline counts. */
export interface TaskAssignment {
  department?: Department;
  /** Who in that department holds it, when the case decides (a petition passed on too often); the ladder's first. */
  role?: Role;
  /** The instant the first deadline counts from (e.g. when the citizen submitted); now by default. */
  from?: string;
  /** The first rung's period when it depends on the case (a petition's kind); the ladder's own by default. */
  days?: number;
  /** The first deadline, computed already by the process (which records it in its state before the task shows). */
  due?: Due;
}

/** The one human task a case is waiting on, where it stands on its escalation ladder. */
export interface OpenTaskSummary {
  taskId: string;
  kind: string;
  department: Department;
  role: Role;
  /** Whether the holder works for the case's district or for the city (the rung's level). */
  level?: RungLevel;
  dueAt: string;
  escalationRung: number;
  /** Set when a deadline of this task has passed (escalated, or nobody left to escalate to). */
  overdue?: boolean;
  /** Set when the deadline counts working days through a year whose holiday schedule is not yet published. */
  provisionalYears?: number[];
  /** For a supervised ladder past its first deadline: who now watches over the task (its holder stays). */
  supervisedBy?: { department: Department; role: Role; level?: RungLevel };
}

export interface DecisionRecord<Action extends string = string> {
  action: Action;
  by: Actor;
  /** Workflow time of the decision (ISO 8601). */
  at: string;
  detail: string;
}

export interface CaseCore<Stage extends string, Action extends string> {
  caseId: string;
  district: District;
  stage: Stage;
  openTask?: OpenTaskSummary;
  decisions?: DecisionRecord<Action>[];
  /** Increases with every stage change; carried across continue-as-new. */
  revision?: number;
  /** The recorded decision whose follow-on work (bookings, payments, …) is still running. */
  workingOn?: Action;
  /** What this run had not yet told the read models when it continued as new: the next run tells it first. */
  untold?: Untold;
}
