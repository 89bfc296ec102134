/**
 * How a case waits: for its next decision (passing the open task up its ladder whenever its deadline comes first),
 * for a decision of one kind, for any decision within a time, and for its running handlers before it ends. Each
 * first tells what the case has not told yet. They are promise chains that skip the wait for telling when there is
 * nothing to tell: the SDK captures a stack trace for every promise workflow code creates, and these run at every
 * wait of every case. (Runs begun before the lean-waits baseline wait as legacy-waits.ts does.)
 */
import { allHandlersFinished, condition, type TimerOptions } from '@temporalio/workflow';
import type { CaseCore } from './case-state';
import { msUntil } from './clock';
import type { DecisionInbox, PendingDecision } from './decision-inbox';
import { DEPARTMENTS } from './vocabulary';

export interface WaitingCase<Action extends string, Args> {
  state: CaseCore<string, string>;
  inbox: DecisionInbox<Action, Args>;
  /** Tells what the case has not told yet: undefined when there was nothing (publishing.ts). */
  flush: () => Promise<void> | undefined;
  escalate: () => Promise<'escalated' | 'overdue-at-last-rung'>;
  /** The case's one settled promise, for what has nothing to wait for. */
  nothingToWaitFor: Promise<void>;
}

export function leanWaits<Action extends string, Args>({
  state,
  inbox,
  flush,
  escalate,
  nothingToWaitFor,
}: WaitingCase<Action, Args>) {
  const afterTelling = <T>(next: () => Promise<T>): Promise<T> => {
    const told = flush();
    return told ? told.then(next) : next();
  };
  const anyDecision = () => inbox.next() as Promise<PendingDecision<Action, Args>>;

  function nextDecision(): Promise<PendingDecision<Action, Args>> {
    return afterTelling(() => {
      const task = state.openTask;
      if (!task) return anyDecision();
      const summary = `待办截止：${task.kind} · ${DEPARTMENTS[task.department]}`;
      return inbox.nextBefore(msUntil(task.dueAt), { summary }, escalateAndWait);
    });
  }

  // At the last rung the task stays overdue and visible: wait for the decision without another timer.
  const escalateAndWait = (): Promise<PendingDecision<Action, Args>> =>
    escalate().then((rung) => (rung === 'overdue-at-last-rung' ? afterTelling(anyDecision) : nextDecision()));

  return {
    nextDecision,
    arrival: (action: Action) => afterTelling(() => inbox.arrival(action)),
    anyArrival: (timeoutMs: number, timer?: TimerOptions) =>
      afterTelling(() => inbox.anyArrival(timeoutMs, timer)),
    finish: () =>
      afterTelling(() => {
        inbox.refuseAll(`the case has ended (${state.stage})`);
        return allHandlersFinished() ? nothingToWaitFor : condition(allHandlersFinished);
      }),
  };
}
