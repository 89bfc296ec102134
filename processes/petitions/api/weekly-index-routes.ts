/**
 * The petitions' weekly index (心通桥指数): as computed every Monday by its Temporal Schedule, as a chart, and
 * recomputed on a supervisor's request (a backfill, a late window post) — the same week gives the same figures.
 */
import { Router } from 'express';
import { z } from 'zod';
import { beijingWeek, ISO_WEEK_PATTERN } from '../../../workflows/kit/beijing-week';
import { PETITION_CATEGORIES, PETITION_WORKFLOW_TYPES } from '../workflow/contract';
import type { StoredWeeklyIndex } from '../workflow/weekly-index';
import { actorOf, authorize, type AccessRule } from '../../../api/auth';
import type { ApiDeps } from '../../../api/deps';
import { NotFoundError } from '../../../api/errors';
import { errorResponse, jsonBody, jsonContent, type ApiRoute, type Refusal } from '../../../api/openapi';
import { weeklyIndexChartSvg } from './weekly-index-chart';
import { parse } from '../../../api/validation';
import { PETITION_READ } from './petition-routes';

const INDEX = '/v1/petitions/weekly-index';
const RECOMPUTE: AccessRule = { roles: ['supervisor'], departments: ['petition-office'] };

const WEEK_RULES = {
  inItsYear: {
    field: 'week',
    rule: 'must be a week its year has (W01 to W52 or W53)',
    zh: '须为该年度存在的周（W01 至 W52 或 W53）',
  },
  begun: { field: 'week', rule: 'must have begun', zh: '该周须已开始' },
} as const satisfies Record<string, Refusal>;

const weekSchema = z
  .string()
  .regex(ISO_WEEK_PATTERN, 'must be an ISO week, YYYY-Www')
  .refine((week) => beijingWeek(week) !== undefined, WEEK_RULES.inItsYear.rule)
  .refine((week) => Date.parse(beijingWeek(week)?.startsAt ?? '') <= Date.now(), WEEK_RULES.begun.rule)
  .meta({ description: 'An ISO week, Monday to Sunday Beijing time', example: '2026-W48' });

const weekQuerySchema = z.object({ week: weekSchema }).strict();

const weeklyIndexSchema = z
  .object({
    week: z.string(),
    startsAt: z.string(),
    endsAt: z.string(),
    received: z.number().int().meta({ description: 'Petitions received in the week' }),
    replied: z.number().int().meta({ description: 'Of those, replied to by the week’s end' }),
    completed: z.number().int().meta({ description: 'Of those, completed by the week’s end' }),
    categories: z.array(
      z.object({
        category: z.enum(PETITION_CATEGORIES),
        count: z.number().int(),
        percent: z.number().int().meta({
          description: 'Whole percent of received; the week’s sum to 100 (largest remainder)',
        }),
      }),
    ),
    computedAt: z.string(),
    computations: z.number().int().meta({ description: 'How many times the week has been computed' }),
  })
  .meta({ id: 'PetitionWeeklyIndex' });

export const petitionIndexRoutes: ApiRoute[] = [
  {
    method: 'get',
    path: INDEX,
    summary: 'The weekly index of a week: received, replied, completed and each category’s share',
    security: [{ bearer: [] }],
    request: { query: weekQuerySchema },
    refusals: Object.values(WEEK_RULES),
    responses: {
      200: { description: 'The index', ...jsonContent(weeklyIndexSchema) },
      404: errorResponse('The week has not been computed yet (its schedule runs on the Monday after it)'),
    },
  },
  {
    method: 'get',
    path: `${INDEX}.svg`,
    summary: 'The weekly index as a chart (SVG)',
    security: [{ bearer: [] }],
    request: { query: weekQuerySchema },
    refusals: Object.values(WEEK_RULES),
    responses: {
      200: { description: 'The chart', content: { 'image/svg+xml': { schema: { type: 'string' } } } },
      404: errorResponse('The week has not been computed yet'),
    },
  },
  {
    method: 'post',
    path: `${INDEX}/recompute`,
    summary:
      'Recompute a week’s index now (petition-office supervisors): the same data gives the same figures',
    security: [{ bearer: [] }],
    request: { body: jsonBody(weekQuerySchema) },
    refusals: Object.values(WEEK_RULES),
    responses: { 200: { description: 'The index as recomputed', ...jsonContent(weeklyIndexSchema) } },
  },
];

export function petitionIndexRouter({ adapters, client, taskQueue }: ApiDeps): Router {
  const router = Router();

  async function stored(query: unknown): Promise<StoredWeeklyIndex> {
    const { week } = parse(weekQuerySchema, query, 'query');
    const index = await adapters.petitionIndex.find(week);
    if (!index) throw new NotFoundError(`the index of ${week} has not been computed yet`);
    return index;
  }

  router.get(INDEX, async (req, res) => {
    authorize(actorOf(res), PETITION_READ);
    res.json(await stored(req.query));
  });

  router.get(`${INDEX}.svg`, async (req, res) => {
    authorize(actorOf(res), PETITION_READ);
    res.type('image/svg+xml').send(weeklyIndexChartSvg(await stored(req.query)));
  });

  router.post(`${INDEX}/recompute`, async (req, res) => {
    authorize(actorOf(res), RECOMPUTE);
    const { week } = parse(weekQuerySchema, req.body);
    // One run per week at a time: a second request while it runs waits for the same run.
    const index = await client.workflow.execute<(input: { week: string }) => Promise<StoredWeeklyIndex>>(
      PETITION_WORKFLOW_TYPES.weeklyIndex,
      {
        workflowId: `petition-weekly-index:${week}`,
        taskQueue,
        args: [{ week }],
        workflowIdConflictPolicy: 'USE_EXISTING',
      },
    );
    res.json(index);
  });

  return router;
}
