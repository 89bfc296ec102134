/**
 * Kept only for replay: how runs begun before the lean-waits baseline (patches.ts) wait for decisions and open and
 * close tasks. These async versions settle a tick or two later than the kit's chains, and where a decision's Update
 * completes among the commands that follow it depends on those ticks, so such runs keep them unchanged.
 */
import { allHandlersFinished, condition, type TimerOptions } from '@temporalio/workflow';
import type { CaseCore, TaskAssignment } from './case-state';
import { msUntil } from './clock';
import { dueIn } from './deadlines';
import type { PendingDecision } from './decision-inbox';
import type { TaskLadder } from './ladder';
import type { TaskPublisher } from './publishing';
import { DEPARTMENTS } from './vocabulary';
import type { WaitingCase } from './waits';

export function legacyWaits<Action extends string, Args>({
  state,
  inbox,
  flush,
  escalate,
}: WaitingCase<Action, Args>) {
  return {
    async nextDecision(): Promise<PendingDecision<Action, Args>> {
      for (;;) {
        await flush();
        const task = state.openTask;
        if (!task) return (await inbox.next())!;
        const decision = await inbox.next(msUntil(task.dueAt), {
          summary: `待办截止：${task.kind} · ${DEPARTMENTS[task.department]}`,
        });
        if (decision) return decision;
        if ((await escalate()) === 'overdue-at-last-rung') {
          await flush();
          return (await inbox.next())!;
        }
      }
    },
    async arrival(action: Action): Promise<void> {
      await flush();
      return inbox.arrival(action);
    },
    async anyArrival(timeoutMs: number, timer?: TimerOptions): Promise<boolean> {
      await flush();
      return inbox.anyArrival(timeoutMs, timer);
    },
    async finish(): Promise<void> {
      await flush();
      inbox.refuseAll(`the case has ended (${state.stage})`);
      await condition(allHandlersFinished);
    },
  };
}

export function legacyTaskOpenClose<Kind extends string>(
  state: CaseCore<string, string>,
  ladders: Record<Kind, TaskLadder<string, string>>,
  publisher: TaskPublisher,
) {
  const { publishTaskChange } = publisher;
  return {
    open: async (kind: Kind, assignment: TaskAssignment = {}): Promise<void> => {
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
    close: async (status: 'done' | 'cancelled'): Promise<void> => {
      if (!state.openTask) return;
      await publisher.taskClosed(state.openTask, status);
      delete state.openTask;
      publishTaskChange();
    },
  };
}
