/**
 * The one human task a case waits on: opened at the first rung of its ladder, passed up a rung each time its
 * deadline is missed, left overdue (and visible) at the last rung, closed when its decision is taken. The task
 * board in PostgreSQL mirrors it, so `GET /v1/tasks` lists what each department must do.
 */
import type { CaseCore, Due, TaskAssignment } from './case-state';
import { calendarDue, dueAfter, dueIn } from './deadlines';
import type { TaskLadder } from './ladder';
import { legacyTaskOpenClose } from './legacy-waits';
import { RUNGS_FROM_MISSED_DEADLINE_PATCH, type PatchCheck } from './patches';
import type { TaskPublisher } from './publishing';

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
  { has: hasPatch, leanWaits }: { has: PatchCheck; leanWaits: boolean },
): TaskDesk<Kind> {
  const { publishTaskChange } = publisher;
  // Opening and closing are chained rather than awaited, and a publisher that tells later gives nothing to wait
  // for: the SDK captures a stack for every promise workflow code creates, and a case opens and closes many tasks.
  const done = publisher.nothingToWaitFor;
  const lean = {
    open: (kind: Kind, assignment: TaskAssignment = {}): Promise<void> => {
      const [first] = ladders[kind].rungs;
      const opened = {
        taskId: `${state.caseId}:${kind}:${state.revision ?? 0}`,
        kind,
        department: assignment.department ?? first.department,
        role: assignment.role ?? first.role,
        level: first.level,
      };
      const openUntil = (due: Due): Promise<void> => {
        state.openTask = { ...opened, ...due, escalationRung: 0 };
        publishTaskChange();
        return publisher.taskOpened() ?? done;
      };
      const days = assignment.days ?? first.days;
      if (assignment.due) return openUntil(assignment.due);
      if (first.unit === 'working-days') return dueIn(days, first.unit, assignment.from).then(openUntil);
      return openUntil(calendarDue(days, assignment.from));
    },
    close: (status: 'done' | 'cancelled'): Promise<void> => {
      const task = state.openTask;
      if (!task) return done;
      const closed = () => {
        delete state.openTask;
        publishTaskChange();
      };
      const told = publisher.taskClosed(task, status);
      if (told) return told.then(closed);
      closed();
      return done;
    },
  };
  const { open, close } = leanWaits ? lean : legacyTaskOpenClose(state, ladders, publisher);
  return {
    open,
    close,
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
