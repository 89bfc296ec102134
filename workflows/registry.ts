/**
 * The table of processes: their workflow types, their process codes (the OneThingProcess search attribute) and
 * the task queue they run on. A new process adds its names here and its own folder beside gas-retrofit/.
 */

export const TASK_QUEUES = {
  /** Default queue for process workflows and their department activities; overridable by config. */
  processes: 'onething-processes',
} as const;

export const PROCESSES = {
  gasRetrofitHousehold: 'gas-retrofit-household',
  gasRetrofitCampaign: 'gas-retrofit-campaign',
  childcareApplication: 'childcare-application',
  petition: 'petition',
} as const;
export type ProcessType = (typeof PROCESSES)[keyof typeof PROCESSES];

/** Workflow type names, for clients that must not import workflow code. */
export const WORKFLOW_TYPES = {
  gasRetrofitHousehold: 'gasRetrofitHousehold',
  gasRetrofitCampaign: 'gasRetrofitCampaign',
  childcareApplication: 'childcareApplication',
  petition: 'petition',
  petitionWeeklyIndex: 'petitionWeeklyIndex',
} as const;
