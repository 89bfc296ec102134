import { Router } from 'express';
import { actorOf } from '../auth';
import type { ApiDeps } from '../deps';
import { jsonContent, type ApiRoute } from '../openapi';
import { openTasksSchema } from '../schemas';

export const taskRoutes: ApiRoute[] = [
  {
    method: 'get',
    path: '/v1/tasks',
    summary: "The caller's open human tasks (by department, district and role), soonest deadline first",
    security: [{ bearer: [] }],
    responses: { 200: { description: 'Open tasks', ...jsonContent(openTasksSchema) } },
  },
];

export function taskRouter({ adapters }: ApiDeps): Router {
  return Router().get('/v1/tasks', async (_req, res) => {
    const actor = actorOf(res);
    const tasks = await adapters.taskBoard.openTasks({
      departments: [actor.department],
      ...(actor.district === 'city' ? {} : { district: actor.district }),
      roles: actor.roles,
    });
    res.json({ tasks });
  });
}
