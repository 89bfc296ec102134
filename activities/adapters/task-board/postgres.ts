import type { Db } from '../../db/connection';
import type { HumanTask, TaskBoardPort, TaskFilter } from './port';

interface TaskRow {
  task_id: string;
  case_id: string;
  kind: string;
  department: HumanTask['department'];
  district: HumanTask['district'];
  role: HumanTask['role'];
  due_at: Date;
  escalation_rung: number;
}

const rowOf = (task: HumanTask) => ({
  task_id: task.taskId,
  case_id: task.caseId,
  kind: task.kind,
  department: task.department,
  district: task.district,
  role: task.role,
  due_at: task.dueAt,
  escalation_rung: task.escalationRung,
});

export class PostgresTaskBoard implements TaskBoardPort {
  constructor(private readonly db: Db) {}

  async upsertTask(task: HumanTask): Promise<void> {
    await this.db('onething.tasks')
      .insert(rowOf(task))
      .onConflict('task_id')
      .merge(['department', 'role', 'due_at', 'escalation_rung'])
      // A late retry of an older assignment must not undo an escalation, nor reopen a closed task.
      .where('onething.tasks.escalation_rung', '<=', task.escalationRung)
      .andWhere('onething.tasks.status', 'open');
  }

  async closeTask(taskId: string, status: 'done' | 'cancelled'): Promise<void> {
    await this.db('onething.tasks')
      .where({ task_id: taskId, status: 'open' })
      .update({ status, closed_at: this.db.fn.now() });
  }

  async recordClosedTask(task: HumanTask, status: 'done' | 'cancelled'): Promise<void> {
    await this.db('onething.tasks')
      .insert({ ...rowOf(task), status, closed_at: this.db.fn.now() })
      .onConflict('task_id')
      .merge(['department', 'role', 'due_at', 'escalation_rung', 'status', 'closed_at'])
      .where('onething.tasks.status', 'open');
  }

  async openTasks(filter: TaskFilter): Promise<HumanTask[]> {
    const query = this.db('onething.tasks')
      .where({ status: 'open' })
      .whereIn('department', [...filter.departments])
      .whereIn('role', [...filter.roles])
      .orderBy('due_at');
    if (filter.district) void query.andWhere({ district: filter.district });
    const rows = (await query) as TaskRow[];
    return rows.map((row) => ({
      taskId: row.task_id,
      caseId: row.case_id,
      kind: row.kind,
      department: row.department,
      district: row.district,
      role: row.role,
      dueAt: row.due_at.toISOString(),
      escalationRung: row.escalation_rung,
    }));
  }
}
