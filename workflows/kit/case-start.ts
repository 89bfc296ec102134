/**
 * How a process's cases are started, as data: the workflow type, the business-key ID, the arguments, the Web
 * UI's summary and the search attributes a case has from its first moment. Pure, so each process folder owns its
 * own; platform/start-once.ts does the starting.
 */
import type { SearchAttributePair } from '@temporalio/common';

export interface CaseStart<Input> {
  workflowType: string;
  workflowId: string;
  input: Input;
  staticSummary: string;
  typedSearchAttributes: SearchAttributePair[];
}
