/**
 * The platform's own activities (the case registry, the task board, working-day deadlines) and the wrapper that
 * lets any activity carry a case's progress. Each process's activities are declared by its module
 * (processes/<name>/module.ts); the worker puts them together (workers/activities.ts). Workflows import the
 * types only: `proxyActivities<PlatformActivities>` here, a process's own type beside its activities.
 */
import type { Adapters } from './adapters';
import type { Client } from '@temporalio/client';
import type { CarryingCaseProgress } from './case-progress';
import { createCaseRegistryActivities } from './case-registry';
import { createDeadlineActivities } from './deadlines';
import { createTaskBoardActivities } from './task-board';

/** For activities that start other workflows (a district campaign starts household cases). */
export interface ActivityTemporal {
  client: Client;
  /** Where the started workflows run. */
  taskQueue: string;
}

export interface ActivityDeps {
  adapters: Adapters;
  temporal?: ActivityTemporal;
}

export function createPlatformActivities(adapters: Adapters) {
  return {
    ...createCaseRegistryActivities(adapters.caseRegistry, adapters.caseProgress),
    ...createTaskBoardActivities(adapters.taskBoard),
    ...createDeadlineActivities(adapters.calendar),
  };
}

export type PlatformActivities = CarryingCaseProgress<ReturnType<typeof createPlatformActivities>>;
export { carryingCaseProgress } from './case-progress';
export type { CarriesCaseProgress, CarryingCaseProgress, CaseProgress, ClosedTask } from './case-progress';
