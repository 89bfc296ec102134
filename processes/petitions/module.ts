/** Citizens' petitions (心通桥): working-day deadlines, the escalation ladder, the press desk, the weekly index. */
import { createPetitionIndexActivities } from '../../activities/petition-index';
import { createPetitionActivities } from '../../activities/petitions';
import { createPublicSupervisionActivities } from '../../activities/public-supervision';
import { petitionIndexRouter, petitionIndexRoutes } from '../../api/routes/petition-index';
import { petitionRouter, petitionRoutes } from '../../api/routes/petitions';
import { PETITION_AUDIT } from '../../workflows/petitions/audit-profile';
import { WORKFLOW_TYPES } from '../../workflows/registry';
import type { ProcessModule } from '../process-module';
import { petitionIndexSchedule } from './schedules';

export const petitions: ProcessModule = {
  name: 'petitions',
  workflowTypes: [WORKFLOW_TYPES.petition, WORKFLOW_TYPES.petitionWeeklyIndex],
  activities: ({ adapters }) => ({
    ...createPetitionActivities(adapters),
    ...createPetitionIndexActivities(adapters),
    ...createPublicSupervisionActivities(adapters),
  }),
  api: [
    // Before the petitions' own routes, whose `/v1/petitions/:caseId` would take `weekly-index` for a case.
    { routes: petitionIndexRoutes, router: petitionIndexRouter },
    { routes: petitionRoutes, router: petitionRouter },
  ],
  auditProfiles: [PETITION_AUDIT],
  schedules: (taskQueue) => [petitionIndexSchedule(taskQueue)],
};
