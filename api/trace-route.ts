/**
 * Names the request's server span by its operation (`POST /v1/gas-retrofit/households/{caseId}/actions/acceptance`)
 * and sets `http.route`, so a trace reads by route, never by a raw path. Mounted once the path is known.
 */
import { trace } from '@opentelemetry/api';
import type { RequestHandler } from 'express';

export const traceRoute = (): RequestHandler => (req, res, next) => {
  const route = res.locals.knownPath as string | undefined;
  const span = trace.getActiveSpan();
  if (route && span) {
    span.updateName(`${req.method} ${route}`);
    span.setAttribute('http.route', route);
  }
  next();
};
