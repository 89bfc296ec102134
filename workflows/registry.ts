/**
 * What every process shares about where it runs. A process names its own workflow types and process codes in its
 * contract (`processes/<name>/workflow/contract.ts`); `processes/index.ts` is the list of processes.
 */

export const TASK_QUEUES = {
  /** Default queue for process workflows and their department activities; overridable by config. */
  processes: 'onething-processes',
} as const;

/**
 * A process code: what a case carries in the OneThingProcess search attribute and the case registry's `process`
 * column (`gas-retrofit-household`, `petition`, …), named by the process's contract. Codes only, never free text.
 */
export type ProcessType = string;
