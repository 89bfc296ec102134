/**
 * How far each district is from the city's childcare targets, from the registry: as JSON, and as the chart a
 * supervisor would rather look at than read (`coverage.svg`).
 */
import { Router } from 'express';
import { z } from 'zod';
import { districtCoverage, type DistrictCoverage } from '../workflow/coverage';
import { CHILDCARE_DEPARTMENTS } from '../workflow/rules';
import { DISTRICT_CODES } from '../../../workflows/definitions';
import { actorOf, authorize, type AccessRule } from '../../../api/auth';
import { coverageChartSvg } from './coverage-chart';
import type { ApiDeps } from '../../../api/deps';
import { jsonContent, type ApiRoute } from '../../../api/openapi';
import { districtSchema } from '../../../api/schemas';
import { parse } from '../../../api/validation';

const COVERAGE = '/v1/childcare/coverage';
const READ: AccessRule = {
  roles: ['clerk', 'supervisor', 'auditor', 'finance'],
  departments: CHILDCARE_DEPARTMENTS,
};

const coverageQuerySchema = z
  .object({
    district: districtSchema.optional(),
    year: z.coerce.number().int('must be a whole year').min(2022).max(2100).optional(),
  })
  .strict();

const coverageSchema = z
  .object({
    district: districtSchema,
    year: z.number().int(),
    providers: z.number().int(),
    slots: z.number().int(),
    residents: z.number().int().nullable(),
    slotsPerThousand: z.number().nullable(),
    slotsPerThousandTarget: z.number(),
    publicShare: z.number().nullable(),
    largeProviders: z.number().int(),
    largeProvidersTarget: z
      .number()
      .int()
      .meta({ description: 'Two in the urban districts and zones named, else one' }),
    publicProviders: z.number().int(),
    publicProvidersTarget: z
      .number()
      .int()
      .nullable()
      .meta({ description: 'One in each development zone and county; the source names none for districts' }),
    streetsCovered: z.number().int(),
    streetsKnown: z.number().int(),
    communitiesCovered: z.number().int(),
    communitiesKnown: z.number().int(),
    targetsMet: z
      .object({
        slotsPerThousand: z.boolean().nullable(),
        publicShare: z.boolean().nullable(),
        largeProviders: z.boolean(),
        publicProviders: z.boolean().nullable(),
        everyStreetCovered: z.boolean().nullable(),
        everyCommunityCovered: z.boolean().nullable(),
      })
      .meta({
        description: 'Null where a target does not apply: no residents, no slots, a year before the target',
      }),
  })
  .meta({ id: 'DistrictCoverage' });

export const childcareCoverageRoutes: ApiRoute[] = [
  {
    method: 'get',
    path: COVERAGE,
    summary:
      'Childcare coverage per district against the targets (slots per 1,000, public share, large and public providers, streets, communities)',
    security: [{ bearer: [] }],
    request: { query: coverageQuerySchema },
    responses: {
      200: {
        description: 'Coverage per district',
        ...jsonContent(z.object({ coverage: z.array(coverageSchema) })),
      },
    },
  },
  {
    method: 'get',
    path: `${COVERAGE}.svg`,
    summary:
      'The coverage chart (SVG): slots per 1,000 and the public share per district, against their targets',
    security: [{ bearer: [] }],
    request: { query: coverageQuerySchema },
    responses: {
      200: { description: 'The chart', content: { 'image/svg+xml': { schema: { type: 'string' } } } },
    },
  },
];

export function childcareCoverageRouter({ adapters, childcareResidents }: ApiDeps): Router {
  const router = Router();

  async function coverage(query: unknown): Promise<{ rows: DistrictCoverage[]; year: number }> {
    const { district, year = new Date().getFullYear() } = parse(coverageQuerySchema, query, 'query');
    const districts = district ? [district] : DISTRICT_CODES;
    const providers = await adapters.healthCommission.registry(district ? { district } : {});
    const rows = await Promise.all(
      districts.map(async (d) =>
        districtCoverage(d, year, providers, childcareResidents[d], {
          streets: await adapters.civilAffairs.streets(d),
          communities: await adapters.civilAffairs.communities(d),
        }),
      ),
    );
    return { rows, year };
  }

  router.get(COVERAGE, async (req, res) => {
    authorize(actorOf(res), READ);
    res.json({ coverage: (await coverage(req.query)).rows });
  });

  router.get(`${COVERAGE}.svg`, async (req, res) => {
    authorize(actorOf(res), READ);
    const { rows, year } = await coverage(req.query);
    res.type('image/svg+xml').send(coverageChartSvg(rows, year));
  });

  return router;
}
