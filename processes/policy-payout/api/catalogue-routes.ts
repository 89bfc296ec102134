/**
 * The policy catalogue (亲清在线): every policy readable by anyone signed in (policies are public); a policy saved
 * only by a supervisor of its issuing department, within their reach, each save a new version (audited). Budgets
 * are set with the policy, never below what is already paid from them.
 */
import { Router } from 'express';
import { actorOf, authorize, type AccessRule } from '../../../api/auth';
import type { ApiDeps } from '../../../api/deps';
import { ConflictError, ForbiddenError, NotFoundError } from '../../../api/errors';
import { errorResponse, jsonBody, jsonContent, type ApiRoute } from '../../../api/openapi';
import { parse } from '../../../api/validation';
import {
  BudgetBelowCommittedError,
  PolicyIssuerMismatchError,
  type SavedPolicyVersion,
} from '../../../activities/adapters/policy-catalogue/port';
import { ROLES, type Actor } from '../../../workflows/kit/vocabulary';
import { RULE_LANGUAGE } from '../policy/rule-language';
import {
  policyIdParamsSchema,
  policyListSchema,
  policyTermsSchema,
  POLICY_TERMS_REFUSALS,
  policyVersionSchema,
  versionQuerySchema,
} from './policy-schemas';

export const POLICIES = '/v1/policies';
const READ: AccessRule = { roles: ROLES };
const MAINTAIN: AccessRule = { roles: ['supervisor'] };

/** Only the issuing department's supervisors maintain a policy: the city's for a city policy, a district's for theirs. */
export function requireIssuer(actor: Actor, issuer: SavedPolicyVersion['terms']['issuer']): void {
  authorize(actor, MAINTAIN, issuer.area === 'city' ? undefined : issuer.area);
  if (actor.department !== issuer.department) {
    throw new ForbiddenError(`only the issuing department (${issuer.department}) maintains this policy`);
  }
  if (issuer.area === 'city' && actor.district !== 'city') {
    throw new ForbiddenError('a city policy is maintained by the department’s city-level staff');
  }
}

export const policyCatalogueRoutes: ApiRoute[] = [
  {
    method: 'get',
    path: POLICIES,
    summary: 'The catalogue: every policy at its latest version',
    security: [{ bearer: [] }],
    responses: { 200: { description: 'The policies', ...jsonContent(policyListSchema) } },
  },
  {
    method: 'get',
    path: `${POLICIES}/{policyId}`,
    summary:
      'A policy at its latest version, or the version asked for (cases keep the version they were judged by)',
    security: [{ bearer: [] }],
    request: { params: policyIdParamsSchema, query: versionQuerySchema },
    responses: {
      200: { description: 'The policy version', ...jsonContent(policyVersionSchema) },
      404: errorResponse('No such policy, or no such version'),
    },
  },
  {
    method: 'put',
    path: `${POLICIES}/{policyId}`,
    summary: 'Save a policy as its next version (its issuing department’s supervisors; audited)',
    security: [{ bearer: [] }],
    request: { params: policyIdParamsSchema, body: jsonBody(policyTermsSchema) },
    refusals: POLICY_TERMS_REFUSALS,
    responses: {
      201: { description: 'A new policy, version 1', ...jsonContent(policyVersionSchema) },
      200: { description: 'The policy’s next version', ...jsonContent(policyVersionSchema) },
      409: errorResponse('The policy is another issuer’s, or a budget would fall below what is paid from it'),
    },
  },
];

export function policyCatalogueRouter({ adapters }: ApiDeps): Router {
  const router = Router();

  router.get(POLICIES, async (_req, res) => {
    authorize(actorOf(res), READ);
    res.json({ policies: await adapters.policyCatalogue.list() });
  });

  router.get(`${POLICIES}/:policyId`, async (req, res) => {
    authorize(actorOf(res), READ);
    const { policyId } = parse(policyIdParamsSchema, req.params, 'params');
    const { version } = parse(versionQuerySchema, req.query, 'query');
    const saved = await adapters.policyCatalogue.version(policyId, version);
    if (!saved) throw new NotFoundError('no such policy, or no such version');
    res.json(saved);
  });

  router.put(`${POLICIES}/:policyId`, async (req, res) => {
    const actor = actorOf(res);
    const { policyId } = parse(policyIdParamsSchema, req.params, 'params');
    const terms = parse(policyTermsSchema, req.body);
    requireIssuer(actor, terms.issuer);
    let saved: SavedPolicyVersion;
    try {
      saved = await adapters.policyCatalogue.save(policyId, RULE_LANGUAGE, terms, actor.userId);
    } catch (error) {
      if (error instanceof PolicyIssuerMismatchError || error instanceof BudgetBelowCommittedError) {
        throw new ConflictError(error.message);
      }
      throw error;
    }
    await adapters.auditLog.record({
      actor,
      action: 'policy:save',
      outcome: 'allowed',
      reason: 'saved by its issuing department',
      details: { policyId, version: saved.version },
    });
    res.status(saved.version === 1 ? 201 : 200).json(saved);
  });

  return router;
}
