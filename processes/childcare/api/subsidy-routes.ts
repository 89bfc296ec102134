/**
 * The childcare construction subsidy before any case: market regulation's price ceilings, and the subsidy check
 * that applies every rule to an application without starting a case (`workflows/childcare/subsidy-rules.ts`).
 */
import { creditCodeRefusals } from '../../../api/schemas';
import { Router } from 'express';
import { checkSubsidy } from '../workflow/subsidy-rules';
import { actorOf, authorize, type AccessRule } from '../../../api/auth';
import {
  priceCeilingParamsSchema,
  priceCeilingSchema,
  publishPriceCeilingSchema,
  subsidyCheckResultSchema,
  subsidyCheckSchema,
} from './schemas';
import type { ApiDeps } from '../../../api/deps';
import { NotFoundError, ForbiddenError } from '../../../api/errors';
import { errorResponse, jsonBody, jsonContent, type ApiRoute } from '../../../api/openapi';
import { parse } from '../../../api/validation';

const CHECK = '/v1/childcare/subsidy-check';
const CEILINGS = '/v1/childcare/price-ceilings';
/**
 * The ceilings are published centrally (统一发布): by the city's market regulation, for each area and year. A
 * district's market-regulation office reads them like everyone else.
 */
const PUBLISH_CEILING: AccessRule = { roles: ['supervisor'], departments: ['market-regulation'] };
const READ_CEILING: AccessRule = { roles: ['clerk', 'supervisor', 'auditor', 'finance'] };
/** The health commission leads the process; its clerks and supervisors check applications. */
const CHECK_SUBSIDY: AccessRule = { roles: ['clerk', 'supervisor'], departments: ['health-commission'] };

export const childcareSubsidyRoutes: ApiRoute[] = [
  {
    method: 'post',
    path: CHECK,
    summary:
      'Apply every subsidy rule to an application without starting a case: eligible or not, the amount in fen, ' +
      'each rule’s result (staff are checked against the credit platform’s blacklist, not kept)',
    security: [{ bearer: [] }],
    request: { body: jsonBody(subsidyCheckSchema) },
    refusals: creditCodeRefusals('provider.creditCode'),
    responses: { 200: { description: 'The check', ...jsonContent(subsidyCheckResultSchema) } },
  },
  {
    method: 'put',
    path: `${CEILINGS}/{district}/{year}`,
    summary:
      'Publish or adjust the monthly childcare price ceiling (meals included) for a district and year (the city’s market regulation)',
    security: [{ bearer: [] }],
    request: { params: priceCeilingParamsSchema, body: jsonBody(publishPriceCeilingSchema) },
    responses: { 200: { description: 'The ceiling in force', ...jsonContent(priceCeilingSchema) } },
  },
  {
    method: 'get',
    path: `${CEILINGS}/{district}/{year}`,
    summary: 'The childcare price ceiling in force for a district and year',
    security: [{ bearer: [] }],
    request: { params: priceCeilingParamsSchema },
    responses: {
      200: { description: 'The ceiling in force', ...jsonContent(priceCeilingSchema) },
      404: errorResponse('No ceiling is published for the district and year'),
    },
  },
];

export function childcareSubsidyRouter({ adapters }: ApiDeps): Router {
  const router = Router();

  router.post(CHECK, async (req, res) => {
    const actor = actorOf(res);
    const { provider, facts, staff, year = new Date().getFullYear() } = parse(subsidyCheckSchema, req.body);
    authorize(actor, CHECK_SUBSIDY, provider.district);
    const [ceiling, blacklistedStaff, creditRecordClean] = await Promise.all([
      adapters.marketRegulation.childcarePriceCeiling(provider.district, year),
      adapters.creditPlatform.blacklistedCount(staff.map((s) => s.certificateNumber)),
      adapters.creditPlatform.providerRecordClean(provider.creditCode),
    ]);
    const check = checkSubsidy(
      { ...facts, kind: provider.kind, level: provider.level },
      { priceCeilingFen: ceiling?.ceilingFen, blacklistedStaff, creditRecordClean },
    );
    const { amountFen, ...amount } = check.amount;
    res.json({
      eligible: check.eligible,
      amountFen: check.eligible ? amountFen : null,
      amount,
      rules: check.rules,
      year,
    });
  });

  router.put(`${CEILINGS}/:district/:year`, async (req, res) => {
    const { district, year } = parse(priceCeilingParamsSchema, req.params, 'params');
    const actor = actorOf(res);
    authorize(actor, PUBLISH_CEILING, district);
    if (actor.district !== 'city') {
      throw new ForbiddenError(
        'price ceilings are published centrally: requires the city’s market regulation',
      );
    }
    const { ceilingFen } = parse(publishPriceCeilingSchema, req.body);
    res.json(
      await adapters.marketRegulation.publishChildcarePriceCeiling({
        district,
        year,
        ceilingFen,
        publishedBy: actor.userId,
      }),
    );
  });

  router.get(`${CEILINGS}/:district/:year`, async (req, res) => {
    const { district, year } = parse(priceCeilingParamsSchema, req.params, 'params');
    authorize(actorOf(res), READ_CEILING);
    const ceiling = await adapters.marketRegulation.childcarePriceCeiling(district, year);
    if (!ceiling)
      throw new NotFoundError(`no childcare price ceiling is published for ${district} in ${year}`);
    res.json(ceiling);
  });

  return router;
}
