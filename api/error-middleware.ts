import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import type { AuditLogPort } from '../activities/adapters/audit-log/port';
import type { Actor } from '../workflows/definitions';
import { ServiceError, WorkflowNotFoundError } from '@temporalio/client';
import type { Logger } from 'pino';
import { decisionRefusalToHttp } from './decision-errors';
import { HttpError, NotFoundError, problemsMessage, RulesNotMetError, ValidationError } from './errors';
import { inChinese, prefersChinese } from './chinese-refusals';

interface BodyParserError extends Error {
  type?: string;
  status?: number;
  limit?: number;
}

/** gRPC UNAVAILABLE / DEADLINE_EXCEEDED, or a connection that could not be made at all. */
function isTemporalUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code ?? (error.cause as { code?: unknown } | undefined)?.code;
  if (error instanceof ServiceError || error.name === 'ServiceError') return code === 14 || code === 4;
  return error.name === 'TransportError' || /^Failed to connect before the deadline/.test(error.message);
}

function toHttpError(error: unknown): HttpError | undefined {
  if (error instanceof HttpError) return error;
  const refusal = decisionRefusalToHttp(error);
  if (refusal) return refusal;
  const parserError = error as BodyParserError;
  switch (parserError?.type) {
    case 'entity.too.large':
      return new HttpError(
        413,
        'payload-too-large',
        `request body is larger than the ${parserError.limit ?? ''} byte limit`.replace('  ', ' '),
      );
    case 'entity.parse.failed':
      return new ValidationError([{ field: '(body)', rule: 'must be well-formed JSON' }]);
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new HttpError(415, 'unsupported-encoding', 'request body must be UTF-8 JSON');
  }
  if (error instanceof WorkflowNotFoundError) return new NotFoundError('no such case');
  if (isTemporalUnavailable(error)) {
    return new HttpError(
      503,
      'temporal-unavailable',
      'the workflow service is unavailable; try again shortly',
    );
  }
  return undefined;
}

/**
 * What an unexpected error may put in a log: its class, code and stack frames, but not its message, which can
 * quote stored values (a Postgres constraint error repeats the row's data).
 */
function describeUnexpected(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { errorType: typeof error };
  return {
    errorName: error.name,
    errorCode: (error as { code?: unknown }).code,
    frames: error.stack
      ?.split('\n')
      .slice(1, 8)
      .map((line) => line.trim()),
  };
}

export function notFoundHandler(): RequestHandler {
  return (req, _res, next) => next(new NotFoundError(`no route for ${req.method} ${req.path}`));
}

/** Marks a response whose refusal the route has already written to the audit log itself. */
export function markAudited(res: Response): void {
  res.locals.refusalAudited = true;
}

/**
 * The one place where errors become HTTP answers: JSON, no stack traces, no request data echoed. Every 403 to an
 * authenticated caller is written to the audit log (who tried what, and the rule that refused it).
 */
export function errorHandler(
  logger: Logger,
  auditLog: Pick<AuditLogPort, 'record'>,
  chinese: (rule: string) => string | undefined = () => undefined,
): ErrorRequestHandler {
  return async (error: unknown, req, res, _next) => {
    const httpError = toHttpError(error);
    const actor = res.locals.actor as Actor | undefined;
    if (httpError?.status === 403 && actor && !res.locals.refusalAudited) {
      await auditLog
        .record({
          actor,
          action: `http:${req.method} ${(req.route as { path?: string } | undefined)?.path ?? req.baseUrl + req.path}`,
          outcome: 'refused',
          reason: httpError.message,
        })
        .catch((auditError: unknown) =>
          logger.error({ ...describeUnexpected(auditError) }, 'could not write a refusal to the audit log'),
        );
    }
    if (!httpError) {
      logger.error({ ...describeUnexpected(error), method: req.method, path: req.path }, 'unhandled error');
      res.status(500).json({ error: { code: 'internal', message: 'internal error' } });
      return;
    }
    if (httpError.status >= 500) logger.warn({ code: httpError.code, path: req.path }, httpError.message);
    const body: Record<string, unknown> = { code: httpError.code, message: httpError.message };
    if (httpError instanceof ValidationError || httpError instanceof RulesNotMetError) {
      const problems = prefersChinese(req) ? inChinese(httpError.problems, chinese) : httpError.problems;
      body.problems = problems;
      body.message = problemsMessage(problems);
    }
    res.status(httpError.status).json({ error: body });
  };
}
