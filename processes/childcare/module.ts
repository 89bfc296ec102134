/** Childcare providers: construction-subsidy applications, registration (备案), coverage, the yearly quality reward. */
import { createChildcareActivities } from '../../activities/childcare';
import {
  childcareApplicationRouter,
  childcareApplicationRoutes,
} from '../../api/routes/childcare-applications';
import { childcareCoverageRouter, childcareCoverageRoutes } from '../../api/routes/childcare-coverage';
import {
  childcareRegistrationRouter,
  childcareRegistrationRoutes,
} from '../../api/routes/childcare-registrations';
import { childcareSubsidyRouter, childcareSubsidyRoutes } from '../../api/routes/childcare-subsidy';
import { CHILDCARE_AUDIT } from '../../workflows/childcare/audit-profile';
import { WORKFLOW_TYPES } from '../../workflows/registry';
import type { ProcessModule } from '../process-module';

export const childcare: ProcessModule = {
  name: 'childcare',
  workflowTypes: [WORKFLOW_TYPES.childcareApplication],
  activities: ({ adapters }) => createChildcareActivities(adapters),
  api: [
    { routes: childcareSubsidyRoutes, router: childcareSubsidyRouter },
    { routes: childcareRegistrationRoutes, router: childcareRegistrationRouter },
    { routes: childcareApplicationRoutes, router: childcareApplicationRouter },
    { routes: childcareCoverageRoutes, router: childcareCoverageRouter },
  ],
  auditProfiles: [CHILDCARE_AUDIT],
};
