/** Childcare providers: construction-subsidy applications, registration (备案), coverage, the yearly quality reward. */
import { loadChildcareDemo } from './demo';
import { demoChildcareProviders, seedChildcareDepartments } from './demo-seed';
import {
  CHILDCARE_PROCESS_CODE,
  CHILDCARE_TERMINAL_STAGES,
  CHILDCARE_WORKFLOW_TYPE,
} from './workflow/contract';
import { createChildcareActivities } from './activities/applications';
import {
  childcareApplicationRouter,
  childcareApplicationRoutes,
  applicationCaseKind,
} from './api/application-routes';
import { childcareCoverageRouter, childcareCoverageRoutes } from './api/coverage-routes';
import { childcareRegistrationRouter, childcareRegistrationRoutes } from './api/registration-routes';
import { childcareSubsidyRouter, childcareSubsidyRoutes } from './api/subsidy-routes';
import { CHILDCARE_AUDIT } from './workflow/audit-profile';
import type { ProcessModule } from '../process-module';
import { CHILDCARE_DEPARTMENTS } from './workflow/rules';

export const childcare: ProcessModule = {
  name: 'childcare',
  workflowTypes: [CHILDCARE_WORKFLOW_TYPE],
  workflowsPath: require.resolve('./workflow/workflows'),
  activities: ({ adapters }) => createChildcareActivities(adapters),
  caseKinds: [applicationCaseKind],
  api: [
    { routes: childcareSubsidyRoutes, router: childcareSubsidyRouter },
    { routes: childcareRegistrationRoutes, router: childcareRegistrationRouter },
    { routes: childcareApplicationRoutes, router: childcareApplicationRouter },
    { routes: childcareCoverageRoutes, router: childcareCoverageRouter },
  ],
  payloadScope: { scope: 'childcare', readers: CHILDCARE_DEPARTMENTS },
  demo: loadChildcareDemo,
  demoSeed: (adapters) => seedChildcareDepartments(adapters, demoChildcareProviders()),
  endStages: { [CHILDCARE_PROCESS_CODE]: CHILDCARE_TERMINAL_STAGES },
  auditProfiles: [CHILDCARE_AUDIT],
};
