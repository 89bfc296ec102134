/**
 * The only activity registry. Workflows import this file as a type:
 *   proxyActivities<ReturnType<typeof createActivities>>(...)
 */
import type { Adapters } from './adapters';
import { createCaseRegistryActivities } from './case-registry';
import { createGasRetrofitActivities } from './gas-retrofit';
import { createTaskBoardActivities } from './task-board';

export interface ActivityDeps {
  adapters: Adapters;
}

export function createActivities(deps: ActivityDeps) {
  return {
    ...createCaseRegistryActivities(deps.adapters.caseRegistry),
    ...createTaskBoardActivities(deps.adapters.taskBoard),
    ...createGasRetrofitActivities(deps.adapters),
  };
}

export type Activities = ReturnType<typeof createActivities>;
