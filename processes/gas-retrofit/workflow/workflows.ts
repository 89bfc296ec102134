/** The retrofit's workflows, for the worker's bundle entry (workflows/index.ts). */
export { gasRetrofitHousehold } from './household-workflow';
export { gasRetrofitCampaign } from './campaign-workflow';
