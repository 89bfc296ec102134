/**
 * Where a case shows itself: the stage and the process's attributes as search attributes (for supervisors'
 * filters), current details in the Web UI, and — the platform's own read models — a row in the case registry that
 * API lists read and its tasks on the task board.
 *
 * Runs begun on the patch baseline tell all of this once per wait, not once per change: before the case waits (for
 * a decision, a deadline, a signal) and with each department call made through `carry`, which takes the registry
 * row and task changes along in its own input where the call's retries allow it (`ProgressAroundCall`). Search
 * attributes are upserted there too, with only the pairs that changed. So a supervisor sees every stage in which
 * the case waits or calls a department, and the stages it passes through without either are told with the next.
 */
import type { SearchAttributeUpdatePair } from '@temporalio/common';
import { setCurrentDetails, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import type { CarriesCaseProgress, CaseProgress, ClosedTask, PlatformActivities } from '../../activities';
import { departmentCalls } from './activity-options';
import type { CaseCore, OpenTaskSummary } from './case-state';
import type { PatchCheck } from './patches';
import { SEARCH_ATTRIBUTES } from './search-attributes';

const { recordCaseStage } = departmentCalls<PlatformActivities>()('更新办件台账');
const { recordCaseProgress } = departmentCalls<PlatformActivities>()('更新办件台账与待办');
const { upsertHumanTask } = departmentCalls<PlatformActivities>()('派发或升级待办');
const { closeHumanTask } = departmentCalls<PlatformActivities>()('关闭待办');

export type RegistryRecord = CaseProgress['record'];

export interface Publication<State> {
  /** Search attributes beyond the stage, refreshed at every stage and task change. */
  attributes(state: State, hasPatch: PatchCheck): SearchAttributeUpdatePair[];
  /** The Web UI's current details (Markdown): references and figures, never personal data. */
  details(state: State): string;
  /** The case registry's row, but for the stage and its sequence number, which the kit adds. */
  registry(state: State): Omit<RegistryRecord, 'stage' | 'stageSeq'>;
}

/** A department call that can take the case's unrecorded progress along. */
export type CarryingCall<Input extends CarriesCaseProgress, Output> = (input: Input) => Promise<Output>;

/**
 * How the case's progress is told around a department call, which follows from how the call is retried:
 * - `carry` (the department default: short backoff, no limit): the call takes the progress along;
 * - `tell-first` (a booking retried for hours while no slot is free): told first, by its own activity, so that
 *   the registry shows the wait and a failed write never delays the call by the call's long backoff;
 * - `tell-at-next-wait` (payments, whose failed attempts are counted and lead to an incident): not taken along,
 *   so that a write to the read models never spends an attempt (search attributes are upserted at once).
 */
export type ProgressAroundCall = 'carry' | 'tell-first' | 'tell-at-next-wait';

/**
 * What the task desk tells: the Web UI and search attributes, and the task board. A change told at once answers
 * with its activity; one gathered for the next wait answers undefined, nothing to wait for.
 */
export interface TaskPublisher {
  /** This case's one settled promise, for what has nothing to wait for (each new promise costs a stack capture). */
  nothingToWaitFor: Promise<void>;
  /** After a task opens, escalates, falls overdue or closes. */
  publishTaskChange: () => void;
  /** The open task (state.openTask) has opened or moved up its ladder. */
  taskOpened: () => Promise<void> | undefined;
  taskClosed: (task: OpenTaskSummary, status: ClosedTask['status']) => Promise<void> | undefined;
}

interface Publisher<Stage extends string> extends TaskPublisher {
  enterStage: (stage: Stage) => Promise<void>;
  /** Tells what has not been told yet, the case calls this before it waits: undefined when there was nothing. */
  flush: () => Promise<void> | undefined;
  /** Before continue-as-new: leaves what has not been told yet in the state, for the next run to tell. */
  leaveUntoldForNextRun: () => void;
  /** Calls a department, telling what has not been told yet as its retries allow. */
  callDepartment: <Input extends CarriesCaseProgress, Output>(
    call: CarryingCall<Input, Output>,
    input: Omit<Input, 'caseProgress'>,
    progress?: ProgressAroundCall,
  ) => Promise<Output>;
}

export function createPublisher<Stage extends string, State extends CaseCore<Stage, string>>(
  state: State,
  publication: Publication<State>,
  patches: { baseline: boolean; leanWaits: boolean; has: PatchCheck },
): Publisher<Stage> {
  return patches.baseline
    ? createOncePerWaitPublisher(state, publication, patches)
    : createPerChangePublisher(state, publication, patches.has);
}

const humanTaskOf = (state: CaseCore<string, string>, task: OpenTaskSummary) => ({
  ...task,
  caseId: state.caseId,
  district: state.district,
});

/** Runs begun before the patch baseline: every change told at once, each by its own activity and upsert. */
function createPerChangePublisher<Stage extends string, State extends CaseCore<Stage, string>>(
  state: State,
  publication: Publication<State>,
  hasPatch: PatchCheck,
): Publisher<Stage> {
  return {
    nothingToWaitFor: Promise.resolve(),
    async enterStage(stage) {
      state.stage = stage;
      state.revision = (state.revision ?? 0) + 1;
      upsertSearchAttributes([
        { key: SEARCH_ATTRIBUTES.stage, value: stage },
        ...publication.attributes(state, hasPatch),
      ]);
      setCurrentDetails(publication.details(state));
      await recordCaseStage({ ...publication.registry(state), stage, stageSeq: state.revision });
    },
    publishTaskChange() {
      setCurrentDetails(publication.details(state));
      const attributes = publication.attributes(state, hasPatch);
      if (attributes.length > 0) upsertSearchAttributes(attributes);
    },
    taskOpened: () => upsertHumanTask(humanTaskOf(state, state.openTask!)),
    taskClosed: (task, status) => closeHumanTask({ taskId: task.taskId, status }),
    flush: () => undefined,
    leaveUntoldForNextRun: () => {},
    callDepartment: (call, input) => call(input as Parameters<typeof call>[0]),
  };
}

const sameValue = (current: unknown, next: unknown): boolean =>
  current instanceof Date && next instanceof Date
    ? current.getTime() === next.getTime()
    : (current ?? null) === (next ?? null);

/** What a case has changed and not yet told the case registry and task board, carried over a continue-as-new. */
function untoldProgress<Stage extends string, State extends CaseCore<Stage, string>>(
  state: State,
  publication: Publication<State>,
) {
  let registryBehind = state.untold?.registry ?? false;
  let taskBehind = state.untold?.openTask ?? false;
  let closedTasks: ClosedTask[] = state.untold?.closedTasks ?? [];
  delete state.untold;
  return {
    stageEntered: () => {
      registryBehind = true;
    },
    taskOpened: () => {
      taskBehind = true;
    },
    taskClosed: (closed: ClosedTask) => {
      closedTasks.push(closed);
    },
    take(): CaseProgress | undefined {
      const openTask = taskBehind ? state.openTask : undefined;
      if (!registryBehind && !openTask && closedTasks.length === 0) return undefined;
      const progress: CaseProgress = {
        record: { ...publication.registry(state), stage: state.stage, stageSeq: state.revision ?? 0 },
        ...(openTask ? { openTask: humanTaskOf(state, openTask) } : {}),
        ...(closedTasks.length > 0 ? { closedTasks } : {}),
      };
      registryBehind = taskBehind = false;
      closedTasks = [];
      return progress;
    },
    /** A call that took the progress along did not complete: it is told again with the next. */
    putBack(progress: CaseProgress): void {
      registryBehind = true;
      taskBehind ||= !!progress.openTask;
      closedTasks = [...(progress.closedTasks ?? []), ...closedTasks];
    },
    leaveForNextRun(): void {
      if (registryBehind || taskBehind || closedTasks.length > 0) {
        state.untold = { registry: registryBehind, openTask: taskBehind, closedTasks };
      }
    },
  };
}

/** Runs begun on the patch baseline: changes gathered, told before the case waits or calls a department. */
function createOncePerWaitPublisher<Stage extends string, State extends CaseCore<Stage, string>>(
  state: State,
  publication: Publication<State>,
  { has: hasPatch, leanWaits }: { has: PatchCheck; leanWaits: boolean },
): Publisher<Stage> {
  const untold = untoldProgress<Stage, State>(state, publication);

  function upsertChangedAttributes(): void {
    const current = workflowInfo().typedSearchAttributes;
    const changed = [
      { key: SEARCH_ATTRIBUTES.stage, value: state.stage },
      ...publication.attributes(state, hasPatch),
    ].filter((pair) => !sameValue(current.get(pair.key), pair.value));
    if (changed.length > 0) upsertSearchAttributes(changed);
  }

  // Most waits have nothing new to tell: they get nothing to wait for, or one resolved promise of this run's, not a
  // chain of new ones (the SDK captures a stack trace for every promise workflow code creates).
  const nothingToTell = Promise.resolve();
  function flush(): Promise<void> | undefined {
    upsertChangedAttributes();
    const progress = untold.take();
    if (!progress) return undefined;
    return recordCaseProgress(progress).catch((error: unknown) => {
      untold.putBack(progress);
      throw error;
    });
  }

  return {
    nothingToWaitFor: nothingToTell,
    enterStage(stage) {
      state.stage = stage;
      state.revision = (state.revision ?? 0) + 1;
      setCurrentDetails(publication.details(state));
      untold.stageEntered();
      return nothingToTell;
    },
    publishTaskChange() {
      setCurrentDetails(publication.details(state));
    },
    taskOpened() {
      untold.taskOpened();
      return undefined;
    },
    taskClosed(task, status) {
      untold.taskClosed({ task: humanTaskOf(state, task), status });
      return undefined;
    },
    flush,
    // Telling it here would take an activity between the last step and continue-as-new; the next run tells it
    // at its first wait or department call instead.
    leaveUntoldForNextRun: () => untold.leaveForNextRun(),
    callDepartment(call, input, progress = 'carry') {
      const own = input as Parameters<typeof call>[0];
      if (progress === 'tell-first') return (flush() ?? nothingToTell).then(() => call(own));
      upsertChangedAttributes();
      if (progress === 'tell-at-next-wait') return call(own);
      const told = untold.take();
      // Runs begun before the lean-waits baseline settle every carried call a tick later, whether it took progress
      // along or not (patches.ts says why that tick stays).
      if (!told && leanWaits) return call(own);
      return call(told ? { ...own, caseProgress: told } : own).catch((error: unknown) => {
        if (told) untold.putBack(told);
        throw error;
      });
    },
  };
}
