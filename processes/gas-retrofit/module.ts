/** The gas-safety retrofit: household cases, district campaigns over the gas company's backlog, tender prices. */
import { loadRetrofitDemo } from './demo';
import {
  GAS_RETROFIT_PROCESS_CODES,
  GAS_RETROFIT_TERMINAL_STAGES,
  GAS_RETROFIT_WORKFLOW_TYPES,
} from './workflow/contract';
import { createCampaignActivities } from './activities/campaign';
import { createGasRetrofitActivities } from './activities/households';
import { gasRetrofitRouter, gasRetrofitRoutes, householdCaseKind } from './api/household-routes';
import { gasRetrofitCampaignRouter, gasRetrofitCampaignRoutes } from './api/campaign-routes';
import { gasRetrofitContactRouter, gasRetrofitContactRoutes } from './api/contact-routes';
import { gasRetrofitPricingRouter, gasRetrofitPricingRoutes } from './api/pricing-routes';
import { GAS_RETROFIT_CAMPAIGN_AUDIT, GAS_RETROFIT_HOUSEHOLD_AUDIT } from './workflow/audit-profile';
import type { ProcessModule } from '../process-module';
import { GAS_RETROFIT_DEPARTMENTS } from './workflow/rules';

export const gasRetrofit: ProcessModule = {
  name: 'gas-retrofit',
  workflowTypes: [GAS_RETROFIT_WORKFLOW_TYPES.household, GAS_RETROFIT_WORKFLOW_TYPES.campaign],
  workflowsPath: require.resolve('./workflow/workflows'),
  activities: ({ adapters, temporal }) => ({
    ...createGasRetrofitActivities(adapters),
    ...createCampaignActivities(adapters.gasCompany, temporal),
  }),
  caseKinds: [householdCaseKind],
  api: [
    { routes: gasRetrofitRoutes, router: gasRetrofitRouter },
    { routes: gasRetrofitContactRoutes, router: gasRetrofitContactRouter },
    { routes: gasRetrofitPricingRoutes, router: gasRetrofitPricingRouter },
    { routes: gasRetrofitCampaignRoutes, router: gasRetrofitCampaignRouter },
  ],
  payloadScope: { scope: 'gas-retrofit', readers: GAS_RETROFIT_DEPARTMENTS },
  demo: loadRetrofitDemo,
  endStages: { [GAS_RETROFIT_PROCESS_CODES.household]: GAS_RETROFIT_TERMINAL_STAGES },
  auditProfiles: [GAS_RETROFIT_HOUSEHOLD_AUDIT, GAS_RETROFIT_CAMPAIGN_AUDIT],
};
