/**
 * One factory for every process's decision routes, `POST <cases>/{caseId}/actions/<action>`: the body is checked
 * against the action's schema, the caller (from the token) becomes the decision's actor, and the case's workflow
 * decides through its Update validator who may take which decision at which stage. Every refusal — 403 before the
 * Update, or the validator's 403 / 409 / 400 — is written to the audit log, because Temporal keeps no record of a
 * rejected Update. A new process gets its decision routes, documented and audited, by writing one spec.
 */
import type { UpdateDefinition } from '@temporalio/common';
import { Router, type Response } from 'express';
import type { ZodType } from 'zod';
import type { AuditLogPort } from '../activities/adapters/audit-log/port';
import type { Actor, District } from '../workflows/definitions';
import { actorOf, authorize, type AccessRule } from './auth';
import { executeCaseUpdate } from './case-updates';
import { decisionRefusalToHttp } from './decision-errors';
import type { ApiDeps } from './deps';
import { markAudited } from './error-middleware';
import { HttpError, NotFoundError } from './errors';
import { errorResponse, jsonBody, jsonContent, type ApiRoute, type Refusal } from './openapi';
import { caseIdParamsSchema } from './schemas';
import { parse } from './validation';

export interface DecisionRouteSpec<Action extends string, Args extends { [A in Action]: unknown }, State> {
  /** Where the process's cases are read, e.g. `/v1/gas-retrofit/households`. */
  casesPath: string;
  actions: readonly Action[];
  /** Each decision's request body (the actor is never in the body: it comes from the token). */
  bodies: { [A in Action]: ZodType };
  updates: { [A in Action]: UpdateDefinition<State, [Args[A]], A> };
  /** The district of a case of this process, from its workflow ID; undefined when the ID is not one (404). */
  districtOf: (caseId: string) => District | undefined;
  /** Who may address decisions to a case at all (the workflow's rules table then decides each decision). */
  access: AccessRule;
  /** The case as the decision found it, for the 200 answer's schema. */
  stateSchema: ZodType;
  /**
   * Turns a decision's request body into its Update's arguments where they differ: personal data in the body is
   * filed with its department first, and only a reference to it goes to Temporal.
   */
  argsOf?: {
    [A in Action]?: (
      body: never,
      context: { caseId: string; actor: Actor; adapters: ApiDeps['adapters'] },
    ) => Promise<object>;
  };
  /** The case as this reader may see it (decision particulars withheld where their work does not need them). */
  present: (state: State, reader: Actor) => object;
  /** What the workflow refuses a decision for (400) beyond its body's schema: a rule across fields or the case. */
  refusals?: { [A in Action]?: readonly Refusal[] };
}

export function decisionRoutes<Action extends string, Args extends { [A in Action]: unknown }, State>(
  spec: DecisionRouteSpec<Action, Args, State>,
): ApiRoute[] {
  return spec.actions.map((action) => ({
    method: 'post',
    path: `${spec.casesPath}/{caseId}/actions/${action}`,
    summary: `Decision: ${action} (checked against the caller's role, department and district, and the case's stage)`,
    security: [{ bearer: [] }],
    request: { params: caseIdParamsSchema, body: jsonBody(spec.bodies[action]) },
    ...(spec.refusals?.[action] ? { refusals: spec.refusals[action] } : {}),
    responses: {
      200: {
        description:
          'Recorded. The case as the decision found it, with `workingOn` naming the decision while the work that ' +
          'follows from it runs; read the case for its progress',
        ...jsonContent(spec.stateSchema),
      },
      404: errorResponse('No such case'),
      409: errorResponse(
        'The case is not at a stage where this decision can be taken, has moved on meanwhile, or has ended',
      ),
    },
  }));
}

export function decisionRouter<Action extends string, Args extends { [A in Action]: unknown }, State>(
  spec: DecisionRouteSpec<Action, Args, State>,
  { client, adapters }: Pick<ApiDeps, 'client' | 'adapters'>,
): Router {
  const router = Router();
  router.post(`${spec.casesPath}/:caseId/actions/:action`, async (req, res) => {
    const { caseId } = parse(caseIdParamsSchema, { caseId: req.params.caseId }, 'params');
    const action = req.params.action as Action;
    if (!spec.actions.includes(action)) throw new NotFoundError(`no action ${action}`);
    const actor = actorOf(res);
    await auditingRefusals(res, adapters.auditLog, { actor, action, caseId }, async () => {
      const district = spec.districtOf(caseId);
      if (!district) throw new NotFoundError('no such case');
      authorize(actor, spec.access, district);
      const body = parse(spec.bodies[action], req.body) as never;
      const toArgs = spec.argsOf?.[action];
      const args = toArgs ? await toArgs(body, { caseId, actor, adapters }) : (body as object);
      const update = spec.updates[action] as UpdateDefinition<State, [Args[Action]], Action>;
      const state = await executeCaseUpdate(client.workflow.getHandle(caseId), update, {
        ...args,
        actor,
      } as Args[Action]);
      // Answered once recorded: the workflow always runs on past this point, whatever the decision.
      res.json({ ...spec.present(state, actor), workflowStatus: 'RUNNING' });
    });
  });
  return router;
}

/**
 * Takes a decision, writing any refusal of it (an HTTP 4xx before the Update, or the validator's) to the audit log
 * as `decision:<action>`, since Temporal keeps no record of a rejected Update. For decision routes that are not a
 * case's (a campaign's pause and resume).
 */
export async function auditingRefusals(
  res: Response,
  auditLog: AuditLogPort,
  decision: { actor: Actor; action: string; caseId: string },
  take: () => Promise<void>,
): Promise<void> {
  try {
    await take();
  } catch (error) {
    const refusal = error instanceof HttpError ? error : decisionRefusalToHttp(error);
    if (refusal && refusal.status < 500) {
      markAudited(res);
      await auditLog.record({
        actor: decision.actor,
        action: `decision:${decision.action}`,
        outcome: 'refused',
        reason: `${refusal.status} ${refusal.code}: ${refusal.message}`,
        caseId: decision.caseId,
      });
    }
    throw error;
  }
}
