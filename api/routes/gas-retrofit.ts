import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { WorkflowIdConflictPolicy, WorkflowIdReusePolicy } from '@temporalio/common';
import { Router } from 'express';
import {
  gasRetrofitHouseholdWorkflowId,
  gasRetrofitStateQuery,
  parseGasRetrofitHouseholdWorkflowId,
  PROCESSES,
  SEARCH_ATTRIBUTES,
  WORKFLOW_TYPES,
  type GasRetrofitCaseState,
  type GasRetrofitHouseholdWorkflow,
} from '../../workflows/definitions';
import { actorOf, authenticate, authorize, type AccessRule } from '../auth';
import type { ApiDeps } from '../deps';
import { NotFoundError } from '../errors';
import { COMMON_ERROR_RESPONSES, type ApiRoute } from '../openapi';
import {
  caseIdParamsSchema,
  caseStartedSchema,
  gasRetrofitCaseSchema,
  startGasRetrofitHouseholdSchema,
} from '../schemas';
import { parse } from '../validation';

const HOUSEHOLDS = '/v1/gas-retrofit/households';

/** Gas-company clerks take requests from all four channels; the city's gas-safety office may start cases too. */
const START_CASE: AccessRule = { roles: ['clerk'], departments: ['gas-company', 'gas-safety-office'] };
const READ_CASE: AccessRule = {
  roles: ['clerk', 'supervisor', 'auditor', 'finance', 'installer', 'grid-worker'],
};

export const gasRetrofitRoutes: ApiRoute[] = [
  {
    method: 'post',
    path: HOUSEHOLDS,
    summary: 'Start a household gas-safety retrofit case (idempotent on district + account)',
    security: [{ bearer: [] }],
    request: { body: { content: { 'application/json': { schema: startGasRetrofitHouseholdSchema } } } },
    responses: {
      201: { description: 'Case started', content: { 'application/json': { schema: caseStartedSchema } } },
      200: {
        description: 'A case for this district and account already exists; it is returned',
        content: { 'application/json': { schema: caseStartedSchema } },
      },
      ...COMMON_ERROR_RESPONSES,
    },
  },
  {
    method: 'get',
    path: `${HOUSEHOLDS}/{caseId}`,
    summary: 'Read a household case: stage and eligibility outcome',
    security: [{ bearer: [] }],
    request: { params: caseIdParamsSchema },
    responses: {
      200: { description: 'The case', content: { 'application/json': { schema: gasRetrofitCaseSchema } } },
      404: COMMON_ERROR_RESPONSES[403],
      ...COMMON_ERROR_RESPONSES,
    },
  },
];

export function gasRetrofitRouter({ client, jwt, taskQueue }: ApiDeps): Router {
  const router = Router();
  router.use(HOUSEHOLDS, authenticate(jwt));

  router.post(HOUSEHOLDS, async (req, res) => {
    const actor = actorOf(res);
    const body = parse(startGasRetrofitHouseholdSchema, req.body);
    authorize(actor, START_CASE, body.district);
    const caseId = gasRetrofitHouseholdWorkflowId(body.district, body.accountRef);
    const location = `${HOUSEHOLDS}/${encodeURIComponent(caseId)}`;
    try {
      await client.workflow.start<GasRetrofitHouseholdWorkflow>(WORKFLOW_TYPES.gasRetrofitHousehold, {
        workflowId: caseId,
        taskQueue,
        args: [{ ...body, startedBy: actor }],
        // One case per household, ever: a repeat (running or finished) is answered with the existing case.
        workflowIdConflictPolicy: WorkflowIdConflictPolicy.FAIL,
        workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
        typedSearchAttributes: [
          { key: SEARCH_ATTRIBUTES.process, value: PROCESSES.gasRetrofitHousehold },
          { key: SEARCH_ATTRIBUTES.district, value: body.district },
          { key: SEARCH_ATTRIBUTES.stage, value: 'eligibility-check' },
        ],
      });
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
      res
        .status(200)
        .location(location)
        .json({ caseId, status: 'existing', links: { self: location } });
      return;
    }
    res
      .status(201)
      .location(location)
      .json({ caseId, status: 'started', links: { self: location } });
  });

  router.get(`${HOUSEHOLDS}/:caseId`, async (req, res) => {
    const { caseId } = parse(caseIdParamsSchema, req.params, 'params');
    const key = parseGasRetrofitHouseholdWorkflowId(caseId);
    if (!key) throw new NotFoundError('no such case');
    authorize(actorOf(res), READ_CASE, key.district);
    const handle = client.workflow.getHandle<GasRetrofitHouseholdWorkflow>(caseId);
    const { status } = await handle.describe();
    // A finished case answers from its recorded result, which needs no worker; a running one from a query.
    const state: GasRetrofitCaseState =
      status.name === 'COMPLETED' ? await handle.result() : await handle.query(gasRetrofitStateQuery);
    res.json({ ...state, workflowStatus: status.name });
  });

  return router;
}
