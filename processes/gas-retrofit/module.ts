/** The gas-safety retrofit: household cases, district campaigns over the gas company's backlog, tender prices. */
import { createCampaignActivities } from '../../activities/campaign';
import { createGasRetrofitActivities } from '../../activities/gas-retrofit';
import { gasRetrofitRouter, gasRetrofitRoutes } from '../../api/routes/gas-retrofit';
import {
  gasRetrofitCampaignRouter,
  gasRetrofitCampaignRoutes,
} from '../../api/routes/gas-retrofit-campaigns';
import { gasRetrofitContactRouter, gasRetrofitContactRoutes } from '../../api/routes/gas-retrofit-contacts';
import { gasRetrofitPricingRouter, gasRetrofitPricingRoutes } from '../../api/routes/gas-retrofit-pricing';
import {
  GAS_RETROFIT_CAMPAIGN_AUDIT,
  GAS_RETROFIT_HOUSEHOLD_AUDIT,
} from '../../workflows/gas-retrofit/audit-profile';
import { WORKFLOW_TYPES } from '../../workflows/registry';
import type { ProcessModule } from '../process-module';

export const gasRetrofit: ProcessModule = {
  name: 'gas-retrofit',
  workflowTypes: [WORKFLOW_TYPES.gasRetrofitHousehold, WORKFLOW_TYPES.gasRetrofitCampaign],
  activities: ({ adapters, temporal }) => ({
    ...createGasRetrofitActivities(adapters),
    ...createCampaignActivities(adapters.gasCompany, temporal),
  }),
  api: [
    { routes: gasRetrofitRoutes, router: gasRetrofitRouter },
    { routes: gasRetrofitContactRoutes, router: gasRetrofitContactRouter },
    { routes: gasRetrofitPricingRoutes, router: gasRetrofitPricingRouter },
    { routes: gasRetrofitCampaignRoutes, router: gasRetrofitCampaignRouter },
  ],
  auditProfiles: [GAS_RETROFIT_HOUSEHOLD_AUDIT, GAS_RETROFIT_CAMPAIGN_AUDIT],
};
