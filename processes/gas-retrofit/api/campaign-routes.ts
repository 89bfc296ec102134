import { Router } from 'express';
import { z } from 'zod';
import {
  gasRetrofitCampaignProgressQuery,
  gasRetrofitCampaignUpdates,
  parseGasRetrofitCampaignWorkflowId,
  type GasRetrofitCampaignWorkflow,
} from '../workflow/contract';
import { startOnce } from '../../../platform/start-once';
import { campaignStart } from '../workflow/starts';
import { actorOf, authorize, type AccessRule } from '../../../api/auth';
import { answerStarted, readCase } from '../../../api/case-reads';
import { executeCaseUpdate } from '../../../api/case-updates';
import { auditingRefusals } from '../../../api/decision-routes';
import type { ApiDeps } from '../../../api/deps';
import { NotFoundError } from '../../../api/errors';
import { errorResponse, jsonBody, jsonContent, type ApiRoute } from '../../../api/openapi';
import {
  campaignStartedSchema,
  campaignProgressSchema,
  campaignReportSchema,
  campaignWorkflowIdParamsSchema,
  startCampaignSchema,
} from './schemas';
import { parse } from '../../../api/validation';

const CAMPAIGNS = '/v1/gas-retrofit/campaigns';
const RUN_CAMPAIGN: AccessRule = { roles: ['supervisor', 'clerk'], departments: ['gas-safety-office'] };
const READ_CAMPAIGN: AccessRule = { roles: ['supervisor', 'clerk', 'auditor', 'finance'] };

export const gasRetrofitCampaignRoutes: ApiRoute[] = [
  {
    method: 'post',
    path: CAMPAIGNS,
    summary: "Start a district's retrofit campaign (idempotent on district + campaign ID)",
    security: [{ bearer: [] }],
    request: { body: jsonBody(startCampaignSchema) },
    responses: {
      201: { description: 'Campaign started', ...jsonContent(campaignStartedSchema) },
      200: { description: 'The campaign already exists', ...jsonContent(campaignStartedSchema) },
    },
  },
  {
    method: 'get',
    path: `${CAMPAIGNS}/{workflowId}`,
    summary: 'Campaign progress: households started, cases per stage, fen settled per party',
    security: [{ bearer: [] }],
    request: { params: campaignWorkflowIdParamsSchema },
    responses: {
      200: { description: 'Progress and the money settled so far', ...jsonContent(campaignReportSchema) },
      404: errorResponse('No such campaign'),
    },
  },
  ...(['pause', 'resume'] as const).map((action): ApiRoute => ({
    method: 'post',
    path: `${CAMPAIGNS}/{workflowId}/actions/${action}`,
    summary: `${action === 'pause' ? 'Pause' : 'Resume'} starting households (cases already started go on)`,
    security: [{ bearer: [] }],
    request: {
      params: campaignWorkflowIdParamsSchema,
      body: { required: false, ...jsonContent(z.object({}).strict()) },
    },
    responses: {
      200: {
        description: 'The campaign’s progress once the decision is recorded',
        ...jsonContent(campaignProgressSchema),
      },
      404: errorResponse('No such campaign'),
      409: errorResponse(`The campaign is not ${action === 'pause' ? 'running' : 'paused'}, or has finished`),
    },
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
    answerStarted(
      res,
      CAMPAIGNS,
      { workflowId: id, status },
      { campaignId: body.campaignId, workflowId: id, district: body.district },
    );
  });

  router.get(`${CAMPAIGNS}/:workflowId`, async (req, res) => {
    const { workflowId } = parse(campaignWorkflowIdParamsSchema, req.params, 'params');
    const key = campaignKey(workflowId);
    authorize(actorOf(res), READ_CAMPAIGN, key.district);
    const { state: progress, workflowStatus } = await readCase(
      client,
      workflowId,
      gasRetrofitCampaignProgressQuery,
    );
    const report = await adapters.caseRegistry.campaignReport(key.campaignId);
    res.json({ ...report, workflowId, district: key.district, workflowStatus, progress });
  });

  router.post(`${CAMPAIGNS}/:workflowId/actions/:action`, async (req, res) => {
    const { workflowId } = parse(
      campaignWorkflowIdParamsSchema,
      { workflowId: req.params.workflowId },
      'params',
    );
    const action = req.params.action;
    if (action !== 'pause' && action !== 'resume') throw new NotFoundError(`no action ${action}`);
    const actor = actorOf(res);
    await auditingRefusals(res, adapters.auditLog, { actor, action, caseId: workflowId }, async () => {
      authorize(actor, READ_CAMPAIGN, campaignKey(workflowId).district);
      parse(z.object({}).strict(), req.body ?? {});
      const handle = client.workflow.getHandle<GasRetrofitCampaignWorkflow>(workflowId);
      res.json(await executeCaseUpdate(handle, gasRetrofitCampaignUpdates[action], { actor }));
    });
  });

  return router;
}
