/**
 * Decisions arrive as Updates and wait in an inbox until the workflow's main loop takes them, one at a time, at a
 * point where the case can act on them. The Update's caller learns at once whether the decision was admitted
 * (its validator) and, once the main loop takes it, whether it was recorded or came too late (409).
 */
import { ApplicationFailure, condition, type TimerOptions } from '@temporalio/workflow';
import { NO_ZERO_LENGTH_TIMERS_PATCH, type PatchCheck } from './patches';
import { DECISION_REFUSALS } from './refusals';

export interface PendingDecision<Action extends string, Args> {
  action: Action;
  args: Args;
  accept: (result: unknown) => void;
  reject: (error: Error) => void;
}

export interface DecisionInbox<Action extends string, Args> {
  /** The Update handler's body: the decision waits here until the main loop takes it. */
  admit: (action: Action, args: Args) => Promise<unknown>;
  /** The next decision; undefined when `timeoutMs` passes first. */
  next: (timeoutMs?: number, timer?: TimerOptions) => Promise<PendingDecision<Action, Args> | undefined>;
  /** The next decision, or what `whenPassed` gives once `timeoutMs` has passed first: one promise fewer than `next`. */
  nextBefore: (
    timeoutMs: number,
    timer: TimerOptions,
    whenPassed: () => Promise<PendingDecision<Action, Args>>,
  ) => Promise<PendingDecision<Action, Args>>;
  /** Resolves when a decision of this kind is waiting (for steps that a decision may interrupt). */
  arrival: (action: Action) => Promise<void>;
  /**
   * Resolves true when any decision is waiting, or false when the timeout passes first: for long waits, so that a
   * decision that came too late for an earlier step is answered (409) rather than left hanging.
   */
  anyArrival: (timeoutMs: number, timer?: TimerOptions) => Promise<boolean>;
  /** Takes the first waiting decision of this kind, if any, out of turn. */
  take: (action: Action) => PendingDecision<Action, Args> | undefined;
  /** Refuses everything still waiting (409): the case has ended or is closing this run. */
  refuseAll: (reason: string) => void;
}

export function createDecisionInbox<Action extends string, Args>(
  hasPatch: PatchCheck,
): DecisionInbox<Action, Args> {
  const waiting: PendingDecision<Action, Args>[] = [];
  const hasWaiting = (): boolean => waiting.length > 0;
  const alreadyPassed = (timeoutMs: number): boolean =>
    timeoutMs <= 0 && hasPatch(NO_ZERO_LENGTH_TIMERS_PATCH);
  return {
    admit: (action, args) => new Promise((accept, reject) => waiting.push({ action, args, accept, reject })),
    // A chain rather than an async function (the SDK captures a stack for every promise), settling as many ticks
    // after the condition as the async function did: runs recorded with it replay the same.
    next(timeoutMs, timer) {
      if (timeoutMs === undefined) return condition(hasWaiting).then(() => waiting.shift());
      if (alreadyPassed(timeoutMs)) return Promise.resolve(waiting.shift());
      return condition(hasWaiting, timeoutMs, timer ?? {}).then((arrived) =>
        arrived ? waiting.shift() : undefined,
      );
    },
    nextBefore(timeoutMs, timer, whenPassed) {
      if (alreadyPassed(timeoutMs)) {
        const decision = waiting.shift();
        return decision ? Promise.resolve(decision) : whenPassed();
      }
      return condition(hasWaiting, timeoutMs, timer).then((arrived) =>
        arrived ? waiting.shift()! : whenPassed(),
      );
    },
    arrival: (action) => condition(() => waiting.some((pending) => pending.action === action)),
    anyArrival: async (timeoutMs, timer) =>
      alreadyPassed(timeoutMs) ? waiting.length > 0 : condition(hasWaiting, timeoutMs, timer ?? {}),
    take(action) {
      const at = waiting.findIndex((pending) => pending.action === action);
      return at >= 0 ? waiting.splice(at, 1)[0] : undefined;
    },
    refuseAll(reason) {
      for (const pending of waiting.splice(0)) {
        pending.reject(ApplicationFailure.nonRetryable(reason, DECISION_REFUSALS.wrongStage));
      }
    },
  };
}
