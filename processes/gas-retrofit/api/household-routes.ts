import { Router, type Response } from 'express';
import {
  GAS_RETROFIT_ACTIONS,
  gasRetrofitHouseholdWorkflowId,
  gasRetrofitStateQuery,
  gasRetrofitUpdates,
  parseGasRetrofitHouseholdWorkflowId,
  type GasRetrofitAction,
  type GasRetrofitActionArgs,
  type GasRetrofitCaseState,
  type Actor,
} from '../../../workflows/definitions';
import { startOnce } from '../../../platform/start-once';
import { GAS_RETROFIT_DEPARTMENTS } from '../workflow/rules';
import { householdCaseStart } from '../workflow/starts';
import { actorOf, authorize, type AccessRule } from '../../../api/auth';
import { answerStarted, readCase } from '../../../api/case-reads';
import { decisionsSeenBy } from '../../../api/decision-particulars';
import { decisionRouter, decisionRoutes, type DecisionRouteSpec } from '../../../api/decision-routes';
import type { ApiDeps } from '../../../api/deps';
import { ConflictError, NotFoundError } from '../../../api/errors';
import { errorResponse, jsonBody, jsonContent, type ApiRoute } from '../../../api/openapi';
import {
  caseIdParamsSchema,
  caseStartedSchema,
  gasRetrofitActionBodies,
  gasRetrofitCaseSchema,
  startGasRetrofitHouseholdSchema,
} from '../../../api/schemas';
import { parse } from '../../../api/validation';

const HOUSEHOLDS = '/v1/gas-retrofit/households';

/** Gas-company clerks take requests from all four channels; the city's gas-safety office may start cases too. */
const START_CASE: AccessRule = { roles: ['clerk'], departments: ['gas-company', 'gas-safety-office'] };
const READ_CASE: AccessRule = {
  roles: ['clerk', 'supervisor', 'auditor', 'finance', 'installer', 'grid-worker'],
  departments: GAS_RETROFIT_DEPARTMENTS,
};

/** The gas-safety office and the gas company run household cases: they read every decision's particulars. */
const presentHousehold = (state: GasRetrofitCaseState, reader: Actor) =>
  decisionsSeenBy(
    state,
    reader,
    reader.roles.includes('auditor') || ['gas-safety-office', 'gas-company'].includes(reader.department),
  );

/** Decisions on a household case: any of the case's district staff or the city's may address one to it. */
const HOUSEHOLD_DECISIONS: DecisionRouteSpec<GasRetrofitAction, GasRetrofitActionArgs, GasRetrofitCaseState> =
  {
    casesPath: HOUSEHOLDS,
    actions: GAS_RETROFIT_ACTIONS,
    bodies: gasRetrofitActionBodies,
    updates: gasRetrofitUpdates,
    districtOf: (caseId) => parseGasRetrofitHouseholdWorkflowId(caseId)?.district,
    access: READ_CASE,
    stateSchema: gasRetrofitCaseSchema,
    present: (state, reader) => presentHousehold(state, reader),
  };

export const gasRetrofitRoutes: ApiRoute[] = [
  {
    method: 'post',
    path: HOUSEHOLDS,
    summary: 'Start a household gas-safety retrofit case (idempotent on district + account)',
    security: [{ bearer: [] }],
    request: { body: jsonBody(startGasRetrofitHouseholdSchema) },
    responses: {
      201: { description: 'Case started', ...jsonContent(caseStartedSchema) },
      200: {
        description: 'A case for this district and account already exists; it is returned',
        ...jsonContent(caseStartedSchema),
      },
      409: errorResponse(
        'A case for this district and account exists with another contact: a change of contact is its own act',
      ),
    },
  },
  {
    method: 'get',
    path: `${HOUSEHOLDS}/{caseId}`,
    summary: 'Read a household case: stage, booking, open task, price basis and shares',
    security: [{ bearer: [] }],
    request: { params: caseIdParamsSchema },
    responses: {
      200: { description: 'The case', ...jsonContent(gasRetrofitCaseSchema) },
      404: errorResponse('No such case'),
    },
  },
  ...decisionRoutes(HOUSEHOLD_DECISIONS),
];

export function gasRetrofitRouter({ client, taskQueue, adapters }: ApiDeps): Router {
  const router = Router();

  function caseKey(caseId: string) {
    const key = parseGasRetrofitHouseholdWorkflowId(caseId);
    if (!key) throw new NotFoundError('no such case');
    return key;
  }

  function sendCase(res: Response, state: GasRetrofitCaseState, workflowStatus: string) {
    res.json({ ...presentHousehold(state, actorOf(res)), workflowStatus });
  }

  router.post(HOUSEHOLDS, async (req, res) => {
    const actor = actorOf(res);
    const { contact, ...body } = parse(startGasRetrofitHouseholdSchema, req.body);
    authorize(actor, START_CASE, body.district);
    // The contact goes to the gas company's system first; only references go to Temporal. A retried post finds
    // the same contact kept; another contact is a change, made on its own (PUT …/contact) and audited.
    const kept = await adapters.gasCompany.keepServiceContact(
      gasRetrofitHouseholdWorkflowId(body.district, body.accountRef),
      contact,
    );
    if (kept === 'differs') {
      throw new ConflictError(
        'contact: this case was started with another contact; change it with PUT …/households/{caseId}/contact',
      );
    }
    const { workflowId: caseId, status } = await startOnce(
      client,
      taskQueue,
      householdCaseStart({ ...body, startedBy: actor }),
    );
    answerStarted(res, HOUSEHOLDS, { workflowId: caseId, status }, { caseId });
  });

  router.get(`${HOUSEHOLDS}/:caseId`, async (req, res) => {
    const { caseId } = parse(caseIdParamsSchema, req.params, 'params');
    authorize(actorOf(res), READ_CASE, caseKey(caseId).district);
    const { state, workflowStatus } = await readCase(client, caseId, gasRetrofitStateQuery);
    sendCase(res, state, workflowStatus);
  });

  router.use(decisionRouter(HOUSEHOLD_DECISIONS, { client, adapters }));

  return router;
}
