/**
 * The petition office's routing table: which department handles a category in a district. Read by anyone with
 * business on petitions; set by the city's petition-office supervisors, to a department that handles petitions.
 */
import { Router } from 'express';
import { HANDLING_DEPARTMENTS } from '../workflow/rules';
import { actorOf, authorize, type AccessRule } from '../../../api/auth';
import type { ApiDeps } from '../../../api/deps';
import { ForbiddenError, ValidationError } from '../../../api/errors';
import { jsonBody, jsonContent, type ApiRoute } from '../../../api/openapi';
import { parse } from '../../../api/validation';
import { PETITION_READ } from './petition-routes';
import { routeParamsSchema, routesSchema, setRouteSchema } from './schemas';

const ROUTES = '/v1/petitions/routes';
const EDIT_ROUTES: AccessRule = { roles: ['supervisor'], departments: ['petition-office'] };

export const routingTableRoutes: ApiRoute[] = [
  {
    method: 'get',
    path: ROUTES,
    summary: 'The routing table: category and district → the responsible department',
    security: [{ bearer: [] }],
    responses: { 200: { description: 'The table', ...jsonContent(routesSchema) } },
  },
  {
    method: 'put',
    path: `${ROUTES}/{district}/{category}`,
    summary: 'Route a category in a district to a department (city petition-office supervisors)',
    security: [{ bearer: [] }],
    request: { params: routeParamsSchema, body: jsonBody(setRouteSchema) },
    responses: { 200: { description: 'The table as it now stands', ...jsonContent(routesSchema) } },
  },
];

export function routingTableRouter({ adapters }: ApiDeps): Router {
  const router = Router();
  router.get(ROUTES, async (_req, res) => {
    authorize(actorOf(res), PETITION_READ);
    res.json({ routes: await adapters.petitionOffice.routes() });
  });
  router.put(`${ROUTES}/:district/:category`, async (req, res) => {
    const { district, category } = parse(routeParamsSchema, req.params, 'params');
    const actor = actorOf(res);
    authorize(actor, EDIT_ROUTES);
    if (actor.district !== 'city')
      throw new ForbiddenError('the routing table is the city’s: requires district city');
    const { department } = parse(setRouteSchema, req.body);
    if (!HANDLING_DEPARTMENTS.includes(department)) {
      throw new ValidationError([
        { field: 'department', rule: 'must be a department that handles petitions' },
      ]);
    }
    await adapters.petitionOffice.setRoute({ district, category, department, updatedBy: actor.userId });
    res.json({ routes: await adapters.petitionOffice.routes() });
  });
  return router;
}
