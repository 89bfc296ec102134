/**
 * What a case tells the platform's own read models — its row in the case registry and its tasks on the task
 * board — told at once, when the case is about to wait, or carried by the department call it makes next (so
 * that a main-path household case needs four activities for this instead of nine).
 */
import type { CaseProgress } from './adapters/case-progress/port';

export type { CaseProgress, ClosedTask } from './adapters/case-progress/port';

/** The activities that only tell the platform's read models (older runs' ones included): not steps of a case. */
export const READ_MODEL_ACTIVITIES: ReadonlySet<string> = new Set([
  'recordCaseStage',
  'recordCaseProgress',
  'upsertHumanTask',
  'closeHumanTask',
]);

/** An activity input that may carry the case's progress, recorded before the department is called. */
export interface CarriesCaseProgress {
  caseProgress?: CaseProgress;
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
