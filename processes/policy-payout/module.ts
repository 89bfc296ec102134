/** 亲清在线 policy payout: a catalogue of policies as data, 免申即享 rounds, applications, payment within the budget. */
import type { ProcessModule } from '../process-module';
import { loadPolicyDemo } from './demo';
import { seedPolicyDepartments } from './demo-seed';
import { createPolicyPayoutActivities } from './activities/payouts';
import { policyCatalogueRouter, policyCatalogueRoutes } from './api/catalogue-routes';
import { policyPayoutRouter, policyPayoutRoutes, payoutCaseKind } from './api/payout-routes';
import { policyReportRouter, policyReportRoutes } from './api/report-routes';
import { policyRoundRouter, policyRoundRoutes } from './api/round-routes';
import {
  POLICY_PAYOUT_PROCESS_CODES,
  POLICY_PAYOUT_TERMINAL_STAGES,
  POLICY_PAYOUT_WORKFLOW_TYPES,
} from './workflow/contract';
import { POLICY_PAYOUT_AUDIT } from './workflow/audit-profile';
import { POLICY_PAYOUT_DEPARTMENTS } from './workflow/rules';

export const policyPayout: ProcessModule = {
  name: 'policy-payout',
  workflowTypes: [POLICY_PAYOUT_WORKFLOW_TYPES.payout, POLICY_PAYOUT_WORKFLOW_TYPES.round],
  workflowsPath: require.resolve('./workflow/workflows'),
  activities: ({ adapters, temporal }) => createPolicyPayoutActivities(adapters, temporal),
  caseKinds: [payoutCaseKind],
  api: [
    { routes: policyCatalogueRoutes, router: policyCatalogueRouter },
    { routes: policyRoundRoutes, router: policyRoundRouter },
    { routes: policyPayoutRoutes, router: policyPayoutRouter },
    { routes: policyReportRoutes, router: policyReportRouter },
  ],
  payloadScope: { scope: 'policy-payout', readers: POLICY_PAYOUT_DEPARTMENTS },
  endStages: { [POLICY_PAYOUT_PROCESS_CODES.payout]: POLICY_PAYOUT_TERMINAL_STAGES },
  auditProfiles: [POLICY_PAYOUT_AUDIT],
  demo: loadPolicyDemo,
  demoSeed: (adapters) => seedPolicyDepartments(adapters),
};
