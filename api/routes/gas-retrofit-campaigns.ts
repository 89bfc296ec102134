import { Router } from 'express';
import { z } from 'zod';
import {
  gasRetrofitCampaignProgressQuery,
  gasRetrofitCampaignUpdates,
  parseGasRetrofitCampaignWorkflowId,
  type GasRetrofitCampaignWorkflow,
} from '../../workflows/definitions';
import { startOnce } from '../../platform/start-once';
import { campaignStart } from '../../workflows/gas-retrofit/starts';
import { actorOf, authorize, type AccessRule } from '../auth';
import { executeCaseUpdate } from '../case-updates';
import type { ApiDeps } from '../deps';
import { NotFoundError } from '../errors';
import { anyJsonObject, COMMON_ERROR_RESPONSES, jsonContent, type ApiRoute } from '../openapi';
import { campaignIdParamsSchema, startCampaignSchema } from '../schemas';
import { parse } from '../validation';

const CAMPAIGNS = '/v1/gas-retrofit/campaigns';
const RUN_CAMPAIGN: AccessRule = { roles: ['supervisor', 'clerk'], departments: ['gas-safety-office'] };
const READ_CAMPAIGN: AccessRule = { roles: ['supervisor', 'clerk', 'auditor', 'finance'] };

export const gasRetrofitCampaignRoutes: ApiRoute[] = [
  {
    method: 'post',
    path: CAMPAIGNS,
    summary: "Start a district's retrofit campaign (idempotent on district + campaign ID)",
    security: [{ bearer: [] }],
    request: { body: jsonContent(startCampaignSchema) },
    responses: {
      201: { description: 'Campaign started', ...jsonContent(anyJsonObject) },
      200: { description: 'The campaign already exists', ...jsonContent(anyJsonObject) },
      ...COMMON_ERROR_RESPONSES,
    },
  },
  {
    method: 'get',
    path: `${CAMPAIGNS}/{campaignId}`,
    summary: 'Campaign progress: households started, cases per stage, fen settled per party',
    security: [{ bearer: [] }],
    request: { params: campaignIdParamsSchema },
    responses: { 200: { description: 'Progress', ...jsonContent(anyJsonObject) }, ...COMMON_ERROR_RESPONSES },
  },
  ...(['pause', 'resume'] as const).map((action): ApiRoute => ({
    method: 'post',
    path: `${CAMPAIGNS}/{campaignId}/actions/${action}`,
    summary: `${action === 'pause' ? 'Pause' : 'Resume'} starting households (cases already started go on)`,
    security: [{ bearer: [] }],
    request: { params: campaignIdParamsSchema },
    responses: { 200: { description: 'Progress', ...jsonContent(anyJsonObject) }, ...COMMON_ERROR_RESPONSES },
  })),
];

export function gasRetrofitCampaignRouter({ client, taskQueue, adapters }: ApiDeps): Router {
  const router = Router();

  function campaignKey(id: string) {
    const key = parseGasRetrofitCampaignWorkflowId(id);
    if (!key) throw new NotFoundError('no such campaign');
    return key;
  }

  router.post(CAMPAIGNS, async (req, res) => {
    const actor = actorOf(res);
    const body = parse(startCampaignSchema, req.body);
    authorize(actor, RUN_CAMPAIGN, body.district);
    const { workflowId: id, status } = await startOnce(
      client,
      taskQueue,
      campaignStart({ ...body, startedBy: actor }),
    );
    const location = `${CAMPAIGNS}/${encodeURIComponent(id)}`;
    res
      .status(status === 'started' ? 201 : 200)
      .location(location)
      .json({ campaignId: id, status, links: { self: location } });
  });

  router.get(`${CAMPAIGNS}/:campaignId`, async (req, res) => {
    const { campaignId } = parse(campaignIdParamsSchema, req.params, 'params');
    const key = campaignKey(campaignId);
    authorize(actorOf(res), READ_CAMPAIGN, key.district);
    const handle = client.workflow.getHandle<GasRetrofitCampaignWorkflow>(campaignId);
    const { status } = await handle.describe();
    const progress =
      status.name === 'COMPLETED'
        ? await handle.result()
        : await handle.query(gasRetrofitCampaignProgressQuery);
    const report = await adapters.caseRegistry.campaignReport(key.campaignId);
    res.json({
      ...report,
      workflowId: campaignId,
      district: key.district,
      workflowStatus: status.name,
      progress,
    });
  });

  router.post(`${CAMPAIGNS}/:campaignId/actions/:action`, async (req, res) => {
    const { campaignId } = parse(campaignIdParamsSchema, { campaignId: req.params.campaignId }, 'params');
    const action = req.params.action;
    if (action !== 'pause' && action !== 'resume') throw new NotFoundError(`no action ${action}`);
    const key = campaignKey(campaignId);
    const actor = actorOf(res);
    authorize(actor, READ_CAMPAIGN, key.district);
    parse(z.object({}).strict(), req.body ?? {});
    const handle = client.workflow.getHandle<GasRetrofitCampaignWorkflow>(campaignId);
    res.json(await executeCaseUpdate(handle, gasRetrofitCampaignUpdates[action], { actor }));
  });

  return router;
}
