import { WorkflowUpdateFailedError } from '@temporalio/client';
import { DECISION_REFUSALS } from '../workflows/definitions';
import { ConflictError, ForbiddenError, type HttpError, ValidationError } from './errors';

/** Turns a refused Update (validator or handler) into the HTTP answer its failure type calls for. */
export function decisionRefusalToHttp(error: unknown): HttpError | undefined {
  if (!(error instanceof WorkflowUpdateFailedError)) return undefined;
  const cause = error.cause as { type?: string; message?: string } | undefined;
  const message = cause?.message ?? 'the decision was refused';
  switch (cause?.type) {
    case DECISION_REFUSALS.forbidden:
      return new ForbiddenError(message);
    case DECISION_REFUSALS.wrongStage:
      return new ConflictError(message);
    case DECISION_REFUSALS.invalid: {
      const [field, ...rule] = message.split(': ');
      return new ValidationError([{ field: field ?? '(body)', rule: rule.join(': ') || message }]);
    }
    default:
      return undefined;
  }
}
