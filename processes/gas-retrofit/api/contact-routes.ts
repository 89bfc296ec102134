/**
 * The household's contact, as the gas company keeps it. Shown masked to anyone with business on the case; shown
 * in full only with the `unmask-personal-data` permission, and every unmasking (or attempt) is audited. Changed
 * only on its own, by the gas company's clerks, with a reason, audited.
 */
import { Router } from 'express';
import { parseGasRetrofitHouseholdWorkflowId } from '../workflow/contract';
import { actorOf, authorize, type AccessRule } from '../../../api/auth';
import type { ApiDeps } from '../../../api/deps';
import { NotFoundError } from '../../../api/errors';
import { errorResponse, jsonBody, jsonContent, type ApiRoute } from '../../../api/openapi';
import { maskContact } from '../../../platform/personal-data/masking';
import { guardUnmasking, recordUnmasking } from '../../../api/unmasking';
import { caseIdParamsSchema, contactReadQuerySchema } from '../../../api/schemas';
import { changeContactSchema, serviceContactViewSchema } from './schemas';
import { CONTACT_CHANGE_REFUSALS } from './refusals';
import { parse } from '../../../api/validation';

const CONTACT = '/v1/gas-retrofit/households/:caseId/contact';

/** Those who visit or call the household, and those who oversee the case. */
const READ_CONTACT: AccessRule = {
  roles: ['clerk', 'installer', 'grid-worker', 'supervisor', 'auditor'],
  departments: [
    'gas-company',
    'installer',
    'community',
    'gas-safety-office',
    'city-finance',
    'district-finance',
  ],
};

/** The gas company keeps the contact; its clerks (and the gas-safety office's) correct it. */
const CHANGE_CONTACT: AccessRule = { roles: ['clerk'], departments: ['gas-company', 'gas-safety-office'] };

export const gasRetrofitContactRoutes: ApiRoute[] = [
  {
    method: 'get',
    path: '/v1/gas-retrofit/households/{caseId}/contact',
    summary:
      'The household contact, masked; `?unmasked=true` needs the unmask-personal-data permission (audited)',
    security: [{ bearer: [] }],
    request: { params: caseIdParamsSchema, query: contactReadQuerySchema },
    responses: {
      200: { description: 'The contact', ...jsonContent(serviceContactViewSchema) },
      404: errorResponse('No such case, or no contact is kept for it'),
    },
  },
  {
    method: 'put',
    path: '/v1/gas-retrofit/households/{caseId}/contact',
    summary: 'Change the household contact, with the reason (gas-company clerks; audited); answered masked',
    security: [{ bearer: [] }],
    request: { params: caseIdParamsSchema, body: jsonBody(changeContactSchema) },
    refusals: CONTACT_CHANGE_REFUSALS,
    responses: {
      200: { description: 'The contact as it now stands, masked', ...jsonContent(serviceContactViewSchema) },
      404: errorResponse('No such case, or no contact is kept for it'),
    },
  },
];

export function gasRetrofitContactRouter({ adapters }: ApiDeps): Router {
  const router = Router();
  router.put(CONTACT, async (req, res) => {
    const actor = actorOf(res);
    const { caseId } = parse(caseIdParamsSchema, req.params, 'params');
    const key = parseGasRetrofitHouseholdWorkflowId(caseId);
    if (!key) throw new NotFoundError('no such case');
    authorize(actor, CHANGE_CONTACT, key.district);
    const { contact, reason } = parse(changeContactSchema, req.body);
    if (!(await adapters.gasCompany.changeServiceContact(caseId, contact))) {
      throw new NotFoundError('no contact is kept for this case');
    }
    await adapters.auditLog.record({ actor, action: 'contact:change', outcome: 'allowed', reason, caseId });
    res.json({ caseId, masked: true, contact: maskContact(contact) });
  });
  return router.get(CONTACT, async (req, res) => {
    const actor = actorOf(res);
    const { caseId } = parse(caseIdParamsSchema, req.params, 'params');
    const { unmasked } = parse(contactReadQuerySchema, req.query, 'query');
    const key = parseGasRetrofitHouseholdWorkflowId(caseId);
    if (!key) throw new NotFoundError('no such case');
    const unmasking = { caseId, action: 'contact:unmask', wanted: unmasked === 'true' };
    await guardUnmasking(res, adapters.auditLog, unmasking, () =>
      authorize(actor, READ_CONTACT, key.district),
    );
    const contact = await adapters.gasCompany.findServiceContact(caseId);
    if (!contact) throw new NotFoundError('no contact is kept for this case');
    await recordUnmasking(res, adapters.auditLog, unmasking);
    res.json({
      caseId,
      masked: !unmasking.wanted,
      contact: unmasking.wanted ? contact : maskContact(contact),
    });
  });
}
