/** The worker's one workflow entry point: every process workflow is exported here. */
export { gasRetrofitHousehold } from '../processes/gas-retrofit/workflow/household-workflow';
export { gasRetrofitCampaign } from '../processes/gas-retrofit/workflow/campaign-workflow';
export { childcareApplication } from '../processes/childcare/workflow/application-workflow';
export { petition } from '../processes/petitions/workflow/petition-workflow';
export { petitionWeeklyIndex } from '../processes/petitions/workflow/weekly-index-workflow';
