/** The worker's one workflow entry point: every process workflow is exported here. */
export { gasRetrofitHousehold } from './gas-retrofit/household';
export { gasRetrofitCampaign } from './gas-retrofit/campaign';
export { childcareApplication } from './childcare/application';
export { petition } from './petitions/petition';
export { petitionWeeklyIndex } from './petitions/weekly-index-run';
