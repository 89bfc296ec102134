/**
 * Liveness and readiness for whatever runs the API (systemd, Kubernetes, a load balancer): alive while the process
 * answers at all, whatever its dependencies do (restarting it would not bring PostgreSQL back); ready only while
 * Temporal and PostgreSQL both answer, so traffic goes elsewhere until they do.
 */
import { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import type { ApiDeps } from '../deps';
import type { ApiRoute } from '../openapi';
import { healthSchema } from '../schemas';

const livenessSchema = z.object({ status: z.literal('ok') }).meta({ id: 'Liveness' });

const readiness = {
  summary: 'Ready: Temporal and PostgreSQL both answer',
  responses: {
    200: {
      description: 'All dependencies answer',
      content: { 'application/json': { schema: healthSchema } },
    },
    503: {
      description: 'A dependency does not answer',
      content: { 'application/json': { schema: healthSchema } },
    },
  },
};

export const healthRoutes: ApiRoute[] = [
  {
    method: 'get',
    path: '/livez',
    summary: 'Alive: the process answers (its dependencies are not asked)',
    responses: {
      200: {
        description: 'The process answers',
        content: { 'application/json': { schema: livenessSchema } },
      },
    },
  },
  { method: 'get', path: '/readyz', ...readiness },
  {
    method: 'get',
    path: '/healthz',
    ...readiness,
    summary: 'The same as /readyz, for probes set up before it existed',
    deprecated: true,
  },
];

const within = <T>(promise: Promise<T>, ms: number): Promise<T> =>
  Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timed out')), ms).unref()),
  ]);

const answers = (check: Promise<unknown>) =>
  within(check, 3000).then(
    () => 'ok' as const,
    () => 'unavailable' as const,
  );

export function healthRouter({ client, db }: ApiDeps): Router {
  const ready: RequestHandler = async (_req, res) => {
    const [temporal, database] = await Promise.all([
      answers(client.workflowService.getSystemInfo({})),
      answers(db.raw('SELECT 1')),
    ]);
    const healthy = temporal === 'ok' && database === 'ok';
    res
      .status(healthy ? 200 : 503)
      .json({ status: healthy ? 'ok' : 'degraded', checks: { temporal, database } });
  };
  return Router()
    .get('/livez', (_req, res) => {
      res.json({ status: 'ok' });
    })
    .get('/readyz', ready)
    .get('/healthz', ready);
}
