/**
 * One case of any process: its decisions (Updates checked against the process's rules table), its stage
 * publishing, its human task with an escalation ladder, and how it ends or continues as new. A process workflow
 * opens its case with this and then reads as its own steps and a `switch` on the stage.
 *
 * A decision's Update resolves as soon as the main loop has taken and recorded it; the work that follows (a
 * booking that may wait days for capacity, payments) runs afterwards in the main loop, so a clerk's HTTP call
 * never waits on it. Before a case ends or continues as new, whatever is left in the inbox is refused (409).
 */
import type { QueryDefinition, UpdateDefinition } from '@temporalio/common';
import {
  allHandlersFinished,
  ApplicationFailure,
  condition,
  setHandler,
  type TimerOptions,
} from '@temporalio/workflow';
import { checkDecision, type DecisionRules } from './access';
import type { CaseCore, TaskAssignment } from './case-state';
import { msUntil, now } from './clock';
import { createDecisionInbox, type DecisionInbox, type PendingDecision } from './decision-inbox';
import type { TaskLadder } from './ladder';
import { legacyWaits } from './legacy-waits';
import { patchLevel, RESOLVE_ON_RECORD_PATCH, type PatchCheck } from './patches';
import { createPublisher, type ProgressAroundCall, type CarryingCall, type Publication } from './publishing';
import { DECISION_REFUSALS, refuse } from './refusals';
import { createTaskDesk } from './task-desk';
import type { Actor } from './vocabulary';
import { leanWaits } from './waits';

interface CaseDefinition<
  State extends CaseCore<Stage, Action>,
  Stage extends string,
  Action extends string,
  Args extends { [A in Action]: { actor: Actor } },
  Kind extends string,
> {
  actions: readonly Action[];
  updates: { [A in Action]: UpdateDefinition<State, [Args[A]], A> };
  stateQuery: QueryDefinition<State>;
  rules: DecisionRules<Action, Stage>;
  ladders: Record<Kind, TaskLadder<Action, Stage>>;
  /** Checks a decision's arguments against the case, once its actor and stage have passed the rules. */
  validate?: (action: Action, args: Args[Action], state: State) => void;
  publication: Publication<State>;
  /** The process's patches released before the kit's patch baseline (patches.ts): new runs have them all. */
  patchesBeforeBaseline?: readonly string[];
}

export type Decision<Action extends string, Args extends { [A in Action]: unknown }> = PendingDecision<
  Action,
  Args[Action]
>;

/** What the process does for each decision it can take at the current step; others get a 409. */
export type DecisionHandlers<Action extends string, Args extends { [A in Action]: unknown }> = Partial<{
  [A in Action]: (args: Args[A]) => Promise<void>;
}>;

export interface Case<
  Stage extends string,
  Action extends string,
  Args extends { [A in Action]: unknown },
  Kind,
> {
  enterStage: (stage: Stage) => Promise<void>;
  /**
   * Calls a department, taking along to the case registry and task board what the case has not told them yet
   * (one activity instead of two) where the call's retries allow it (`ProgressAroundCall`); any activity whose input is
   * one object can.
   */
  call: <Input extends object, Output>(
    activity: CarryingCall<Input, Output>,
    input: Omit<Input, 'caseProgress'>,
    progress?: ProgressAroundCall,
  ) => Promise<Output>;
  /** Whether this run has a patch (patches.ts): without a marker for those before the baseline, on new runs. */
  hasPatch: PatchCheck;
  openTask: (kind: Kind, assignment?: TaskAssignment) => Promise<void>;
  closeTask: (status: 'done' | 'cancelled') => Promise<void>;
  /** Waits for the next decision, escalating the open task up its ladder whenever its deadline passes first. */
  nextDecision: () => Promise<Decision<Action, Args>>;
  /** Records the decision, resolves its Update, then runs the process's handler for it. */
  decide: (decision: Decision<Action, Args>, handlers: DecisionHandlers<Action, Args>) => Promise<void>;
  /** Resolves when a decision of this kind is waiting, for steps that it may interrupt. */
  arrival: (action: Action) => Promise<void>;
  /** Resolves true when any decision is waiting (false if the timeout passes first); see DecisionInbox. */
  anyArrival: (timeoutMs: number, timer?: TimerOptions) => Promise<boolean>;
  /** Takes a waiting decision of this kind out of turn. */
  take: (action: Action) => Decision<Action, Args> | undefined;
  /**
   * Waits for something outside the case (a signal sets what `woken` reads) for at most `timeoutMs`, passing the
   * open task up its ladder whenever its deadline comes first. Resolves whether it was woken.
   */
  awaitOutside: (woken: () => boolean, timeoutMs: number) => Promise<boolean>;
  /** The case has ended: refuses what is left in the inbox and lets running handlers finish. */
  finish: () => Promise<void>;
  /** This run ends in continue-as-new: refuses new and waiting decisions, lets running handlers finish. */
  closeRun: () => Promise<void>;
}

/** The state query, and one Update per decision whose validator checks who may take it, and when. */
function setCaseHandlers<
  State extends CaseCore<Stage, Action>,
  Stage extends string,
  Action extends string,
  Args extends { [A in Action]: { actor: Actor } },
  Kind extends string,
>(
  definition: CaseDefinition<State, Stage, Action, Args, Kind>,
  state: State,
  inbox: DecisionInbox<Action, Args[Action]>,
  closing: () => boolean,
): void {
  setHandler(definition.stateQuery, () => state);
  for (const action of definition.actions) {
    const update = definition.updates[action] as UpdateDefinition<State, [Args[Action]]>;
    setHandler(update, (args) => inbox.admit(action, args) as Promise<State>, {
      validator: (args: Args[Action]) => {
        if (closing()) refuse('wrongStage', `${action}: the case is closing this run; try again shortly`);
        // A second decision of the kind still being worked on is a repeat (a double submit), and could otherwise
        // wait in the inbox for as long as that work takes (a booking waiting for installer capacity).
        if (state.workingOn === action) {
          refuse('wrongStage', `${action}: the case is still working on the last ${action}; read it first`);
        }
        checkDecision(definition.rules, action, args.actor, state.district, state.stage);
        definition.validate?.(action, args, state);
      },
    });
  }
}

/** Records the decision with its actor, answers its Update, and runs the process's handler for it. */
function recordAndHandle<
  State extends CaseCore<string, Action>,
  Action extends string,
  Args extends { [A in Action]: { actor: Actor } },
>(
  decision: Decision<Action, Args>,
  handlers: DecisionHandlers<Action, Args>,
  state: State,
  hasPatch: PatchCheck,
): Promise<void> | undefined {
  const handler: ((args: Args[Action]) => Promise<void>) | undefined = handlers[decision.action];
  if (!handler) {
    decision.reject(
      ApplicationFailure.nonRetryable(
        `${decision.action} is no longer possible: the case is at stage ${state.stage}`,
        DECISION_REFUSALS.wrongStage,
      ),
    );
    return undefined;
  }
  (state.decisions ??= []).push({
    action: decision.action,
    by: decision.args.actor,
    at: now(),
    detail: JSON.stringify({ ...decision.args, actor: undefined }),
  });
  if (!hasPatch(RESOLVE_ON_RECORD_PATCH)) return handler(decision.args).then(() => decision.accept(state));
  // The caller gets the case as the decision left it, before the work that follows from it.
  state.workingOn = decision.action;
  decision.accept(JSON.parse(JSON.stringify(state)) as State);
  const worked = () => {
    delete state.workingOn;
  };
  return handler(decision.args).then(worked, (error: unknown) => {
    worked();
    throw error;
  });
}

export function openCase<
  State extends CaseCore<Stage, Action>,
  Stage extends string,
  Action extends string,
  Args extends { [A in Action]: { actor: Actor } },
  Kind extends string,
>(
  definition: CaseDefinition<State, Stage, Action, Args, Kind>,
  state: State,
): Case<Stage, Action, Args, Kind> {
  const patches = patchLevel(definition.patchesBeforeBaseline ?? []);
  const inbox = createDecisionInbox<Action, Args[Action]>(patches.has);
  const publisher = createPublisher<Stage, State>(state, definition.publication, patches);
  const tasks = createTaskDesk<Kind, State>(state, definition.ladders, publisher, patches);
  let closing = false;
  setCaseHandlers(definition, state, inbox, () => closing);

  const done = publisher.nothingToWaitFor;
  const decide = (decision: Decision<Action, Args>, handlers: DecisionHandlers<Action, Args>) =>
    recordAndHandle(decision, handlers, state, patches.has) ?? done;
  const waits = (patches.leanWaits ? leanWaits : legacyWaits)({
    state,
    inbox,
    flush: publisher.flush,
    escalate: tasks.escalate,
    nothingToWaitFor: done,
  });

  return {
    enterStage: publisher.enterStage,
    call: publisher.callDepartment,
    hasPatch: patches.has,
    openTask: tasks.open,
    closeTask: tasks.close,
    nextDecision: waits.nextDecision,
    decide,
    arrival: waits.arrival,
    anyArrival: waits.anyArrival,
    take: inbox.take,
    async awaitOutside(woken, timeoutMs) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        await publisher.flush();
        const task = state.openTask;
        const toDeadline = task && !tasks.overdueAtLastRung() ? msUntil(task.dueAt) : Infinity;
        const waitMs = Math.min(until - Date.now(), toDeadline);
        if (woken()) return true;
        if (waitMs > 0 && (await condition(woken, waitMs))) return true;
        if (Date.now() >= until) return false;
        await tasks.escalate();
      }
    },
    finish: waits.finish,
    async closeRun() {
      closing = true;
      inbox.refuseAll(`the case is closing this run (${state.stage}); try again shortly`);
      await condition(allHandlersFinished);
      publisher.leaveUntoldForNextRun();
    },
  };
}
