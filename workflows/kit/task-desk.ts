/**
 * The one human task a case waits on: opened at the first rung of its ladder, passed up a rung each time its
 * deadline is missed, left overdue (and visible) at the last rung, closed when its decision is taken. The task
 * board in PostgreSQL mirrors it, so `GET /v1/tasks` lists what each department must do.
 */
import type { CaseCore, Due } from './case-state';
import { dueAfter, dueIn } from './deadlines';
import type { TaskLadder } from './ladder';
import { RUNGS_FROM_MISSED_DEADLINE_PATCH, type PatchCheck } from './patches';
import type { TaskPublisher } from './publishing';
import type { Department, Role } from './vocabulary';

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

interface TaskDesk<Kind extends string> {
  open: (kind: Kind, assignment?: TaskAssignment) => Promise<void>;
  close: (status: 'done' | 'cancelled') => Promise<void>;
  /** The open task's deadline has passed: the next rung takes it, or it stays overdue at the last one. */
  escalate: () => Promise<'escalated' | 'overdue-at-last-rung'>;
  /** Whether the open task is overdue at its last rung, with no deadline left to wait for. */
  overdueAtLastRung: () => boolean;
}

export function createTaskDesk<Kind extends string, State extends CaseCore<string, string>>(
  state: State,
  ladders: Record<Kind, TaskLadder<string, string>>,
  publisher: TaskPublisher,
  hasPatch: PatchCheck,
): TaskDesk<Kind> {
  const { publishTaskChange } = publisher;
  return {
    async open(kind, assignment = {}) {
      const [first] = ladders[kind].rungs;
      state.openTask = {
        taskId: `${state.caseId}:${kind}:${state.revision ?? 0}`,
        kind,
        department: assignment.department ?? first.department,
        role: assignment.role ?? first.role,
        level: first.level,
        ...(assignment.due ?? (await dueIn(assignment.days ?? first.days, first.unit, assignment.from))),
        escalationRung: 0,
      };
      publishTaskChange();
      await publisher.taskOpened();
    },
    async close(status) {
      if (!state.openTask) return;
      await publisher.taskClosed(state.openTask, status);
      delete state.openTask;
      publishTaskChange();
    },
    async escalate() {
      const task = state.openTask!;
      const next = ladders[task.kind as Kind]?.rungs[task.escalationRung + 1];
      task.overdue = true;
      if (next) {
        const due = hasPatch(RUNGS_FROM_MISSED_DEADLINE_PATCH)
          ? await dueAfter(task.dueAt, next.days, next.unit)
          : await dueIn(next.days, next.unit);
        task.escalationRung += 1;
        if (ladders[task.kind as Kind]?.escalation === 'supervise') {
          task.supervisedBy = { department: next.department, role: next.role, level: next.level };
        } else {
          task.department = next.department;
          task.role = next.role;
          task.level = next.level;
        }
        task.dueAt = due.dueAt;
        if (due.provisionalYears) task.provisionalYears = due.provisionalYears;
        else delete task.provisionalYears;
      }
      publishTaskChange();
      await publisher.taskOpened();
      return next ? 'escalated' : 'overdue-at-last-rung';
    },
    overdueAtLastRung() {
      const task = state.openTask;
      return !!task?.overdue && !ladders[task.kind as Kind]?.rungs[task.escalationRung + 1];
    },
  };
}
