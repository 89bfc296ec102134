/**
 * The API's requests in Prometheus metrics: timed by route (the pattern the request matched, never its raw path,
 * which would carry case IDs), method and status; the histogram's `_count` is the number of requests answered.
 */
import type { Request, RequestHandler, Response } from 'express';
import { Histogram, type Registry } from 'prom-client';

const LABELS = ['method', 'route', 'status'] as const;

/**
 * The operation's path as the OpenAPI document writes it (`/v1/petitions/{caseId}/actions/accept`), else the
 * express route's pattern (the codec server's), else `unmatched`.
 */
const routeOf = (req: Request, res: Response): string =>
  (res.locals.knownPath as string | undefined) ??
  (req.route ? `${req.baseUrl}${String((req.route as { path: string }).path)}` : 'unmatched');

export function httpMetrics(registry: Registry): RequestHandler {
  const duration = new Histogram({
    name: 'onething_http_request_duration_seconds',
    help: 'Time from request to answer, by method, route and status (its _count: requests answered)',
    labelNames: LABELS,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  return (req, res, next) => {
    const stop = duration.startTimer();
    res.once('finish', () => {
      const labels = { method: req.method, route: routeOf(req, res), status: String(res.statusCode) };
      stop(labels);
    });
    next();
  };
}
