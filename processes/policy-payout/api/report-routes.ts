/**
 * What the policies have paid, year to date (`/v1/policy-reports/paid`), and its chart (`….svg`): aggregates of
 * public money, for the issuing departments' and finance's supervisors, auditors and the catalogue's operator.
 */
import { Router } from 'express';
import { z } from 'zod';
import { actorOf, authorize, type AccessRule } from '../../../api/auth';
import type { ApiDeps } from '../../../api/deps';
import { jsonContent, type ApiRoute } from '../../../api/openapi';
import { districtSchema } from '../../../api/schemas';
import { parse } from '../../../api/validation';
import { beijingDay } from '../../../workflows/kit/clock';
import { DEPARTMENT_CODES } from '../../../workflows/kit/vocabulary';
import { POLICY_PAYOUT_DEPARTMENTS } from '../workflow/rules';
import { paidChartSvg } from './paid-chart';
import { paidReport } from './paid-report';

const REPORT = '/v1/policy-reports/paid';
const READ: AccessRule = {
  roles: ['supervisor', 'auditor', 'finance'],
  departments: POLICY_PAYOUT_DEPARTMENTS,
};
const reportQuerySchema = z
  .object({ year: z.coerce.number().int('must be a whole year').min(2000).max(2100).optional() })
  .strict();

const sum = { payments: z.number().int(), paidFen: z.number().int() };
const paidReportSchema = z
  .object({
    year: z.number().int(),
    totalFen: z.number().int(),
    payments: z.number().int(),
    policies: z.array(
      z.object({
        policyId: z.string(),
        title: z.string(),
        issuer: z.enum(DEPARTMENT_CODES),
        ...sum,
        budgetFen: z.number().int().nullable(),
      }),
    ),
    departments: z.array(z.object({ department: z.enum(DEPARTMENT_CODES), ...sum })),
    districts: z.array(z.object({ district: districtSchema, ...sum })),
  })
  .meta({ id: 'PolicyPaidReport' });

export const policyReportRoutes: ApiRoute[] = [
  {
    method: 'get',
    path: REPORT,
    summary:
      'Paid by the policies this year to date (or the year asked for): per policy against its budget, per issuing department, per area',
    security: [{ bearer: [] }],
    request: { query: reportQuerySchema },
    responses: { 200: { description: 'The report', ...jsonContent(paidReportSchema) } },
  },
  {
    method: 'get',
    path: `${REPORT}.svg`,
    summary: 'The same as a chart (SVG): a bar per policy against its budget, a bar per area',
    security: [{ bearer: [] }],
    request: { query: reportQuerySchema },
    responses: {
      200: { description: 'The chart', content: { 'image/svg+xml': { schema: { type: 'string' } } } },
    },
  },
];

export function policyReportRouter({ adapters }: ApiDeps): Router {
  const router = Router();
  const report = async (query: unknown) => {
    const { year = Number(beijingDay(new Date()).slice(0, 4)) } = parse(reportQuerySchema, query, 'query');
    const [totals, catalogue, budgets] = await Promise.all([
      adapters.policyFunds.paidTotals(year),
      adapters.policyCatalogue.list(),
      adapters.policyFunds.budgetsOf(year),
    ]);
    return paidReport(year, totals, catalogue, budgets);
  };

  router.get(REPORT, async (req, res) => {
    authorize(actorOf(res), READ);
    res.json(await report(req.query));
  });

  router.get(`${REPORT}.svg`, async (req, res) => {
    authorize(actorOf(res), READ);
    res.type('image/svg+xml').send(paidChartSvg(await report(req.query)));
  });

  return router;
}
