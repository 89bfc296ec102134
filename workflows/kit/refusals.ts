import { ApplicationFailure } from '@temporalio/common';

/** ApplicationFailure types a refused decision carries; the API maps them to 403 / 409 / 400. */
export const DECISION_REFUSALS = {
  forbidden: 'DecisionForbidden',
  wrongStage: 'DecisionNotAllowedAtStage',
  invalid: 'DecisionInvalid',
} as const;

/** Refuses a decision: a non-retryable failure whose type the API maps to 403, 409 or 400. */
export function refuse(kind: keyof typeof DECISION_REFUSALS, message: string): never {
  throw ApplicationFailure.nonRetryable(message, DECISION_REFUSALS[kind]);
}
