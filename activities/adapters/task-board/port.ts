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
  openTasks(filter: TaskFilter): Promise<HumanTask[]>;
}
