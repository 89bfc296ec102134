import type { Department, District, Role } from '../../../workflows/definitions';

export interface HumanTask {
  taskId: string;
  caseId: string;
  kind: string;
  department: Department;
  district: District;
  role: Role;
  dueAt: string;
  escalationRung: number;
}

/** An open task as the board lists it. */
export interface BoardTask extends HumanTask {
  /** Its deadline has passed. */
  overdue: boolean;
  /** Its case's process and stage, once the case registry has them (told with the task, or just before it). */
  process?: string;
  stage?: string;
}

export interface TaskFilter {
  departments: readonly Department[];
  /** Undefined: every district (city-level staff). */
  district?: District;
  roles: readonly Role[];
}

/** The platform's list of open human tasks, kept current by workflows, for GET /v1/tasks. */
export interface TaskBoardPort {
  /** Opens or re-assigns a task (idempotent on taskId). */
  upsertTask(task: HumanTask): Promise<void>;
  closeTask(taskId: string, status: 'done' | 'cancelled'): Promise<void>;
  /**
   * Records a task as closed, whether or not its opening was recorded first (told together, a task may open and
   * close between two writes); an opening recorded later does not reopen it.
   */
  recordClosedTask(task: HumanTask, status: 'done' | 'cancelled'): Promise<void>;
  openTasks(filter: TaskFilter): Promise<BoardTask[]>;
}
