/**
 * One access-log line per request (pino-http): when, method, path without its query, status, time taken and the
 * caller's user ID. Never a body, a header or a token: a request's personal data stays out of the logs (PIPL), and
 * Cybersecurity Law art. 21 asks for the record itself, kept at least six months by whoever keeps the logs.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler, Response } from 'express';
import { pinoHttp } from 'pino-http';
import type { Logger } from '../platform/logging/logger';
import type { Actor } from '../workflows/definitions';

const pathOf = (url: string | undefined) => (url ?? '').split('?')[0];

export function accessLog(logger: Logger): RequestHandler {
  return pinoHttp({
    logger,
    quietReqLogger: true,
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : 'info'),
    customSuccessMessage: () => 'request',
    customErrorMessage: () => 'request',
    customProps: (_req: IncomingMessage, res: ServerResponse) => {
      const actor = (res as Response).locals?.actor as Actor | undefined;
      return actor ? { userId: actor.userId } : {};
    },
    serializers: {
      req: (req: { method?: string; url?: string }) => ({ method: req.method, path: pathOf(req.url) }),
      res: (res: { statusCode?: number }) => ({ status: res.statusCode }),
      err: (error: { type?: string }) => ({ type: error.type }),
    },
  });
}
