/** The worker's one workflow entry point: every process workflow is exported here. */
export { gasRetrofitHousehold } from '../processes/gas-retrofit/workflow/household';
export { gasRetrofitCampaign } from '../processes/gas-retrofit/workflow/campaign';
export { childcareApplication } from '../processes/childcare/workflow/application';
export { petition } from '../processes/petitions/workflow/petition';
export { petitionWeeklyIndex } from '../processes/petitions/workflow/weekly-index-run';
