/** Citizens' petitions (心通桥): working-day deadlines, the escalation ladder, the press desk, the weekly index. */
import { loadPetitionDemo } from './demo';
import {
  PETITION_PROCESS_CODE,
  PETITION_TERMINAL_STAGES,
  PETITION_WORKFLOW_TYPES,
} from './workflow/contract';
import { createPetitionIndexActivities } from './activities/weekly-index';
import { createPetitionActivities } from './activities/petition-office';
import { createPublicSupervisionActivities } from './activities/press-desk';
import { petitionIndexRouter, petitionIndexRoutes } from './api/weekly-index-routes';
import { petitionRouter, petitionRoutes, petitionCaseKind } from './api/petition-routes';
import { routingTableRouter, routingTableRoutes } from './api/routing-table-routes';
import { PETITION_AUDIT } from './workflow/audit-profile';
import type { ProcessModule } from '../process-module';
import { petitionIndexSchedule } from './schedules';

export const petitions: ProcessModule = {
  name: 'petitions',
  workflowTypes: [PETITION_WORKFLOW_TYPES.petition, PETITION_WORKFLOW_TYPES.weeklyIndex],
  workflowsPath: require.resolve('./workflow/workflows'),
  activities: ({ adapters }) => ({
    ...createPetitionActivities(adapters),
    ...createPetitionIndexActivities(adapters),
    ...createPublicSupervisionActivities(adapters),
  }),
  caseKinds: [petitionCaseKind],
  api: [
    // Before the petitions' own routes, whose `/v1/petitions/:caseId` would take `weekly-index` or `routes` for a
    // case.
    { routes: petitionIndexRoutes, router: petitionIndexRouter },
    { routes: routingTableRoutes, router: routingTableRouter },
    { routes: petitionRoutes, router: petitionRouter },
  ],
  payloadScope: { scope: 'petition', readers: ['petition-office'] },
  demo: loadPetitionDemo,
  endStages: { [PETITION_PROCESS_CODE]: PETITION_TERMINAL_STAGES },
  auditProfiles: [PETITION_AUDIT],
  schedules: (taskQueue) => [petitionIndexSchedule(taskQueue)],
};
