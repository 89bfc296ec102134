/**
 * The only activity registry. Workflows import this file as a type:
 *   proxyActivities<ReturnType<typeof createActivities>>(...)
 */
import type { Adapters } from './adapters';
import { createGasRetrofitActivities } from './gas-retrofit';
import { createCaseRegistryActivities } from './case-registry';

export interface ActivityDeps {
  adapters: Adapters;
}

export function createActivities(deps: ActivityDeps) {
  return {
    ...createCaseRegistryActivities(deps.adapters.caseRegistry),
    ...createGasRetrofitActivities(deps.adapters.gasCompany),
  };
}

export type Activities = ReturnType<typeof createActivities>;
