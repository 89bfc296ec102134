/**
 * The API's requests in Prometheus metrics: counted and timed by route (the pattern the request matched, never its
 * raw path, which would carry case IDs), method and status.
 */
import type { Request, RequestHandler, Response } from 'express';
import { Counter, Histogram, type Registry } from 'prom-client';

const LABELS = ['method', 'route', 'status'] as const;

/**
 * The operation's path as the OpenAPI document writes it (`/v1/petitions/{caseId}/actions/accept`), else the
 * express route's pattern (the codec server's), else `unmatched`.
 */
const routeOf = (req: Request, res: Response): string =>
  (res.locals.knownPath as string | undefined) ??
  (req.route ? `${req.baseUrl}${String((req.route as { path: string }).path)}` : 'unmatched');

export function httpMetrics(registry: Registry): RequestHandler {
  const requests = new Counter({
    name: 'onething_http_requests_total',
    help: 'HTTP requests answered, by method, route and status',
    labelNames: LABELS,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'onething_http_request_duration_seconds',
    help: 'Time from request to answer, by method, route and status',
    labelNames: LABELS,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  return (req, res, next) => {
    const stop = duration.startTimer();
    res.once('finish', () => {
      const labels = { method: req.method, route: routeOf(req, res), status: String(res.statusCode) };
      requests.inc(labels);
      stop(labels);
    });
    next();
  };
}
