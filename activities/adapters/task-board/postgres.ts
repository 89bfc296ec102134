import type { Db } from '../../db/connection';
import type { BoardTask, HumanTask, TaskBoardPort, TaskFilter } from './port';

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

/** A task as the board lists it: with its case's process and stage from the case registry, where recorded. */
interface BoardRow extends TaskRow {
  process: string | null;
  stage: string | null;
  overdue: boolean;
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

  async openTasks(filter: TaskFilter): Promise<BoardTask[]> {
    const query = this.db('onething.tasks as t')
      .leftJoin('onething.cases as c', 'c.case_id', 't.case_id')
      .select('t.*', 'c.process', 'c.stage', this.db.raw('t.due_at < now() as overdue'))
      .where('t.status', 'open')
      .whereIn('t.department', [...filter.departments])
      .whereIn('t.role', [...filter.roles])
      .orderBy('t.due_at');
    if (filter.district) void query.andWhere('t.district', filter.district);
    const rows = (await query) as BoardRow[];
    return rows.map((row) => ({
      taskId: row.task_id,
      caseId: row.case_id,
      kind: row.kind,
      department: row.department,
      district: row.district,
      role: row.role,
      dueAt: row.due_at.toISOString(),
      escalationRung: row.escalation_rung,
      overdue: row.overdue,
      ...(row.process ? { process: row.process } : {}),
      ...(row.stage ? { stage: row.stage } : {}),
    }));
  }
}
