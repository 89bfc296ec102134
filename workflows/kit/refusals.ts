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

/** A rule a decision's arguments break, by field (`*` for any array item or part): the API's 400 names it. */
export interface FieldRule {
  field: string;
  rule: string;
  /** The rule in Chinese (with the same `…`), for clients that ask for it (the workbench). */
  zh?: string;
}

/** Refuses a decision as invalid for the rule, naming the field (`part` fills a `*` in it, `…` in the rule). */
export function refuseInvalid({ field, rule }: FieldRule, part?: string): never {
  const filled = (text: string, wildcard: string) =>
    part === undefined ? text : text.replace(wildcard, part);
  return refuse('invalid', `${filled(field, '*')}: ${filled(rule, '…')}`);
}
