/**
 * How a process's cases are started, as data: the workflow type, the business-key ID, the arguments, the Web
 * UI's summary and the search attributes a case has from its first moment. Pure, so each process folder owns its
 * own; platform/start-once.ts does the starting.
 */
import type { SearchAttributePair } from '@temporalio/common';
import { SEARCH_ATTRIBUTES } from './search-attributes';
import type { Department, District } from './vocabulary';

export interface CaseStart<Input> {
  workflowType: string;
  workflowId: string;
  input: Input;
  staticSummary: string;
  typedSearchAttributes: SearchAttributePair[];
}

/**
 * What a case shows from its first moment: its process, district, first stage and who holds it, not overdue and
 * not escalated, so that supervisors' filters find it at once and its first stage needs no upsert.
 */
export function firstAttributes(first: {
  process: string;
  district: District;
  stage: string;
  department: Department;
}): SearchAttributePair[] {
  return [
    { key: SEARCH_ATTRIBUTES.process, value: first.process },
    { key: SEARCH_ATTRIBUTES.district, value: first.district },
    { key: SEARCH_ATTRIBUTES.stage, value: first.stage },
    { key: SEARCH_ATTRIBUTES.department, value: first.department },
    { key: SEARCH_ATTRIBUTES.overdue, value: false },
    { key: SEARCH_ATTRIBUTES.escalationRung, value: 0 },
  ];
}
