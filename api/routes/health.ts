import { Router } from 'express';
import type { ApiDeps } from '../deps';
import type { ApiRoute } from '../openapi';
import { healthSchema } from '../schemas';

export const healthRoutes: ApiRoute[] = [
  {
    method: 'get',
    path: '/healthz',
    summary: 'Checks that Temporal and PostgreSQL answer',
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
  },
];

const within = <T>(promise: Promise<T>, ms: number): Promise<T> =>
  Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timed out')), ms).unref()),
  ]);

export function healthRouter({ client, db }: ApiDeps): Router {
  return Router().get('/healthz', async (_req, res) => {
    const [temporal, database] = await Promise.all([
      within(client.workflowService.getSystemInfo({}), 3000).then(
        () => 'ok' as const,
        () => 'unavailable' as const,
      ),
      within(db.raw('SELECT 1'), 3000).then(
        () => 'ok' as const,
        () => 'unavailable' as const,
      ),
    ]);
    const healthy = temporal === 'ok' && database === 'ok';
    res
      .status(healthy ? 200 : 503)
      .json({ status: healthy ? 'ok' : 'degraded', checks: { temporal, database } });
  });
}
