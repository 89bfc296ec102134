/**
 * 免申即享 rounds: the issuing department's supervisor starts one round per district the policy serves (once per
 * policy, year and district), reads its progress, and pauses or resumes it; every refusal is audited.
 */
import { Router } from 'express';
import { z } from 'zod';
import { actorOf, authorize, type AccessRule } from '../../../api/auth';
import { readCase } from '../../../api/case-reads';
import { executeCaseUpdate } from '../../../api/case-updates';
import { auditingRefusals } from '../../../api/decision-routes';
import type { ApiDeps } from '../../../api/deps';
import { NotFoundError, RulesNotMetError } from '../../../api/errors';
import { errorResponse, jsonBody, jsonContent, type ApiRoute } from '../../../api/openapi';
import { parse } from '../../../api/validation';
import { startOnce } from '../../../platform/start-once';
import { beijingDay } from '../../../workflows/kit/clock';
import { windowProblems } from '../policy/window';
import type { Actor } from '../../../workflows/kit/vocabulary';
import type { SavedPolicyVersion } from '../../../activities/adapters/policy-catalogue/port';
import { policyRoundProgressQuery, policyRoundUpdates, policyRoundWorkflowId } from '../workflow/contract';
import { roundStart } from '../workflow/starts';
import { POLICIES, requireIssuer } from './catalogue-routes';
import {
  policyIdParamsSchema,
  roundParamsSchema,
  roundProgressSchema,
  roundsRequestSchema,
  roundsStartedSchema,
} from './policy-schemas';

const READ_ROUND: AccessRule = { roles: ['supervisor', 'clerk', 'auditor'] };
const thisYear = () => Number(beijingDay(new Date()).slice(0, 4));
const yearQuerySchema = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }).strict();

export const policyRoundRoutes: ApiRoute[] = [
  {
    method: 'post',
    path: `${POLICIES}/{policyId}/rounds`,
    summary: 'Start this year’s 免申即享 rounds of a policy: one per district it serves (idempotent)',
    security: [{ bearer: [] }],
    request: { params: policyIdParamsSchema, body: jsonBody(roundsRequestSchema) },
    responses: {
      201: { description: 'Rounds started (or found running)', ...jsonContent(roundsStartedSchema) },
      404: errorResponse('No such policy'),
      422: errorResponse(
        'The policy is not 免申即享, its window is closed, or a district is not one it serves',
      ),
    },
  },
  {
    method: 'get',
    path: `${POLICIES}/{policyId}/rounds/{district}`,
    summary: 'A round’s progress: pages judged, cases started (this year’s, or the year asked for)',
    security: [{ bearer: [] }],
    request: { params: roundParamsSchema, query: yearQuerySchema },
    responses: {
      200: { description: 'The round', ...jsonContent(roundProgressSchema) },
      404: errorResponse('No such round'),
    },
  },
  ...(['pause', 'resume'] as const).map((action): ApiRoute => ({
    method: 'post',
    path: `${POLICIES}/{policyId}/rounds/{district}/actions/${action}`,
    summary: `${action === 'pause' ? 'Pause' : 'Resume'} this year’s round (cases already started go on)`,
    security: [{ bearer: [] }],
    request: { params: roundParamsSchema, body: { required: false, ...jsonContent(z.object({}).strict()) } },
    responses: {
      200: {
        description: 'The round’s progress once the decision is recorded',
        ...jsonContent(roundProgressSchema.shape.progress),
      },
      404: errorResponse('No such round'),
      409: errorResponse(`The round is not ${action === 'pause' ? 'running' : 'paused'}, or has finished`),
    },
  })),
];

/** This year's rounds, one per district asked for, once the policy is found to take them. */
async function startRounds(
  { client, taskQueue }: Pick<ApiDeps, 'client' | 'taskQueue'>,
  saved: SavedPolicyVersion,
  body: z.infer<typeof roundsRequestSchema>,
  actor: Actor,
) {
  const { terms } = saved;
  const today = beijingDay(new Date());
  const districts = body.districts ?? terms.scope;
  const problems = [
    ...(terms.mode === 'automatic'
      ? []
      : [
          {
            field: 'policyId',
            rule: 'the policy is applied for: it has no rounds',
            zh: '该政策须企业申报，没有免申即享批次',
          },
        ]),
    ...windowProblems(terms, today),
    ...districts
      .filter((district) => !terms.scope.includes(district))
      .map((district) => ({
        field: 'districts',
        rule: `${district} is not among the districts the policy serves`,
      })),
  ];
  if (problems.length > 0) throw new RulesNotMetError(problems);
  const policy = { policyId: saved.policyId, version: saved.version, terms };
  const rounds = [];
  for (const district of districts) {
    const start = roundStart({
      policy,
      year: Number(today.slice(0, 4)),
      district,
      startedBy: actor,
      perMinute: body.perMinute,
      pageSize: body.pageSize,
    });
    const { workflowId, status } = await startOnce(client, taskQueue, start);
    rounds.push({ roundId: workflowId, district, status });
  }
  return rounds;
}

export function policyRoundRouter({ client, taskQueue, adapters }: ApiDeps): Router {
  const router = Router();
  const policyOf = async (policyId: string) => {
    const saved = await adapters.policyCatalogue.version(policyId);
    if (!saved) throw new NotFoundError('no such policy');
    return saved;
  };

  router.post(`${POLICIES}/:policyId/rounds`, async (req, res) => {
    const actor = actorOf(res);
    const { policyId } = parse(policyIdParamsSchema, req.params, 'params');
    const body = parse(roundsRequestSchema, req.body);
    const saved = await policyOf(policyId);
    requireIssuer(actor, saved.terms.issuer);
    res.status(201).json({ rounds: await startRounds({ client, taskQueue }, saved, body, actor) });
  });

  const roundOf = async (actor: Actor, params: unknown, query: unknown, read: boolean) => {
    const { policyId, district } = parse(roundParamsSchema, params, 'params');
    const { year } = parse(yearQuerySchema, query, 'query');
    const { terms } = await policyOf(policyId);
    if (read) authorize(actor, READ_ROUND, district);
    else requireIssuer(actor, terms.issuer);
    return policyRoundWorkflowId(district, policyId, year ?? thisYear());
  };

  router.get(`${POLICIES}/:policyId/rounds/:district`, async (req, res) => {
    const roundId = await roundOf(actorOf(res), req.params, req.query, true);
    const { state: progress, workflowStatus } = await readCase(client, roundId, policyRoundProgressQuery);
    res.json({ roundId, workflowStatus, progress });
  });

  router.post(`${POLICIES}/:policyId/rounds/:district/actions/:action`, async (req, res) => {
    const action = req.params.action;
    if (action !== 'pause' && action !== 'resume') throw new NotFoundError(`no action ${action}`);
    const actor = actorOf(res);
    const caseId = `${req.params.policyId}/${req.params.district}`;
    await auditingRefusals(res, adapters.auditLog, { actor, action, caseId }, async () => {
      const roundId = await roundOf(
        actor,
        { policyId: req.params.policyId, district: req.params.district },
        {},
        false,
      );
      parse(z.object({}).strict(), req.body ?? {});
      res.json(
        await executeCaseUpdate(client.workflow.getHandle(roundId), policyRoundUpdates[action], { actor }),
      );
    });
  });

  return router;
}
