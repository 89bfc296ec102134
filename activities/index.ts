/**
 * The only activity registry. Workflows import this file as a type:
 *   proxyActivities<ReturnType<typeof createActivities>>(...)
 */
import type { Adapters } from './adapters';
import { createCampaignActivities, type CampaignTemporal } from './campaign';
import { carryingCaseProgress } from './case-progress';
import { createCaseRegistryActivities } from './case-registry';
import { createChildcareActivities } from './childcare';
import { createDeadlineActivities } from './deadlines';
import { createGasRetrofitActivities } from './gas-retrofit';
import { createPetitionIndexActivities } from './petition-index';
import { createPetitionActivities } from './petitions';
import { createPublicSupervisionActivities } from './public-supervision';
import { createTaskBoardActivities } from './task-board';

export interface ActivityDeps {
  adapters: Adapters;
  /** A client for activities that start other workflows (district campaigns start household cases). */
  temporal?: CampaignTemporal;
}

export function createActivities(deps: ActivityDeps) {
  const { caseRegistry, caseProgress } = deps.adapters;
  const activities = {
    ...createCaseRegistryActivities(caseRegistry, caseProgress),
    ...createTaskBoardActivities(deps.adapters.taskBoard),
    ...createDeadlineActivities(deps.adapters.calendar),
    ...createGasRetrofitActivities(deps.adapters),
    ...createCampaignActivities(deps.adapters.gasCompany, deps.temporal),
    ...createChildcareActivities(deps.adapters),
    ...createPetitionActivities(deps.adapters),
    ...createPetitionIndexActivities(deps.adapters),
    ...createPublicSupervisionActivities(deps.adapters),
  };
  return carryingCaseProgress(activities, (progress) => caseProgress.record(progress));
}

export type Activities = ReturnType<typeof createActivities>;
export type { CarriesCaseProgress, CaseProgress, ClosedTask } from './case-progress';
