/**
 * The search attributes every process's case publishes beyond process, district and stage: who must act, by when,
 * whether that is overdue, how far it has escalated, and the money involved. Codes, times and amounts only.
 */
import type { SearchAttributeUpdatePair } from '@temporalio/common';
import type { OpenTaskSummary } from './case-state';
import { SEARCH_ATTRIBUTES } from './search-attributes';
import type { Department } from './vocabulary';

export function caseAttributes(
  task: OpenTaskSummary | undefined,
  holder: Department | undefined,
  amountFen: number | undefined,
): SearchAttributeUpdatePair[] {
  return [
    { key: SEARCH_ATTRIBUTES.department, value: task?.department ?? holder ?? null },
    { key: SEARCH_ATTRIBUTES.nextDeadline, value: task ? new Date(task.dueAt) : null },
    { key: SEARCH_ATTRIBUTES.overdue, value: task?.overdue ?? false },
    { key: SEARCH_ATTRIBUTES.escalationRung, value: task?.escalationRung ?? 0 },
    { key: SEARCH_ATTRIBUTES.amountFen, value: amountFen ?? null },
  ];
}
