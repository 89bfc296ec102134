/**
 * What a case tells the platform's own read models — its row in the case registry and its tasks on the task
 * board — told at once, when the case is about to wait, or carried by the department call it makes next (so
 * that a main-path household case needs four activities for this instead of nine).
 */
import type { CaseRegistryPort, CaseStageRecord } from './adapters/case-registry/port';
import type { HumanTask, TaskBoardPort } from './adapters/task-board/port';

/** The activities that only tell the platform's read models (older runs' ones included): not steps of a case. */
export const READ_MODEL_ACTIVITIES: ReadonlySet<string> = new Set([
  'recordCaseStage',
  'recordCaseProgress',
  'upsertHumanTask',
  'closeHumanTask',
]);

export interface ClosedTask {
  task: HumanTask;
  status: 'done' | 'cancelled';
}

export interface CaseProgress {
  /** The registry row as the case now stands; ignored when the registry has this stage sequence or a newer one. */
  record: CaseStageRecord;
  /** The open task, opened or escalated since the case last told. */
  openTask?: HumanTask;
  /** Tasks closed since the case last told. */
  closedTasks?: ClosedTask[];
}

/** An activity input that may carry the case's progress, recorded before the department is called. */
export interface CarriesCaseProgress {
  caseProgress?: CaseProgress;
}

/** Each write is idempotent, so a retried activity (or a progress told twice) changes nothing more. */
export function recorderOfCaseProgress(registry: CaseRegistryPort, taskBoard: TaskBoardPort) {
  return async (progress: CaseProgress): Promise<void> => {
    for (const { task, status } of progress.closedTasks ?? []) await taskBoard.recordClosedTask(task, status);
    if (progress.openTask) await taskBoard.upsertTask(progress.openTask);
    await registry.recordStage(progress.record);
  };
}

type Carrying<F> = F extends (input: infer Input, ...rest: infer Rest) => infer Output
  ? Input extends object
    ? (input: Input & CarriesCaseProgress, ...rest: Rest) => Output
    : F
  : F;

export type CarryingCaseProgress<T> = { [K in keyof T]: Carrying<T[K]> };

/** Lets every activity that takes one object carry the case's progress: recorded first, then removed. */
export function carryingCaseProgress<T extends Record<string, (...args: never[]) => Promise<unknown>>>(
  activities: T,
  record: (progress: CaseProgress) => Promise<void>,
): CarryingCaseProgress<T> {
  const wrapped = Object.entries(activities).map(([name, activity]) => {
    const carrying = async (...args: unknown[]) => {
      const [input, ...rest] = args;
      if (input && typeof input === 'object' && 'caseProgress' in input) {
        const { caseProgress, ...own } = input as CarriesCaseProgress;
        if (caseProgress) await record(caseProgress);
        return (activity as (...a: unknown[]) => Promise<unknown>)(own, ...rest);
      }
      return (activity as (...a: unknown[]) => Promise<unknown>)(...args);
    };
    return [name, carrying] as const;
  });
  return Object.fromEntries(wrapped) as CarryingCaseProgress<T>;
}
