/**
 * One factory for a process's case routes: start (`POST <cases>`), read (`GET <cases>/{caseId}`) and every decision
 * (`POST <cases>/{caseId}/actions/<action>`, from decision-routes.ts). Each process says what is its own — its body
 * schemas, where its personal data is filed before the case starts, who may start and read — and answers, access
 * checks and refusals are the same for all of them.
 */
import type { QueryDefinition } from '@temporalio/common';
import { Router } from 'express';
import type { ZodType } from 'zod';
import { startOnce } from '../platform/start-once';
import type { CaseStart } from '../workflows/kit/case-start';
import type { Actor, District } from '../workflows/definitions';
import { actorOf, authorize, type AccessRule } from './auth';
import { answerStarted, readCase } from './case-reads';
import { decisionRouter, decisionRoutes, type DecisionRouteSpec } from './decision-routes';
import type { ApiDeps } from './deps';
import { NotFoundError } from './errors';
import { errorResponse, jsonBody, jsonContent, type ApiRoute, type Refusal } from './openapi';
import { caseIdParamsSchema, caseStartedSchema } from './schemas';
import { parse } from './validation';

export interface CaseStartSpec<Body> {
  summary: string;
  body: ZodType<Body>;
  /** Who may start a case, in the district the body names. */
  access: AccessRule;
  districtOf: (body: Body) => District;
  /** The 200 answer's description: the case already under this business key, returned. */
  existing: string;
  /** The 409 answer's description, where a repeated post may differ from what its department keeps. */
  conflict?: string;
  /** What the body is refused for (400) beyond its schema: a check character, a rule across fields. */
  beyondSchema?: readonly Refusal[];
  /** Other refusals a start may answer (a 404 for what the body names, a 422 for rules the body breaks). */
  refusals?: Partial<Record<404 | 422, string>>;
  /**
   * Files the body's personal data with its department (a ConflictError when a repeated post differs) and says
   * which case to start, with references only.
   */
  caseStart: (
    body: Body,
    context: { actor: Actor; adapters: ApiDeps['adapters'] },
  ) => Promise<CaseStart<unknown>>;
}

export interface CaseRoutesSpec<Action extends string, Args extends { [A in Action]: unknown }, State, Body> {
  /** What one case is called in answers: `case`, `application`, `petition`. */
  noun: string;
  /** Decisions, and with them the cases' path, district, read access and how a reader sees a case. */
  decisions: DecisionRouteSpec<Action, Args, State>;
  stateQuery: QueryDefinition<State>;
  start: CaseStartSpec<Body>;
  read: {
    summary: string;
    /** A check once the case is read, where a reader's need to know depends on it (who holds a petition). */
    mayRead?: (reader: Actor, state: State) => void;
  };
}

const capitalized = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

export function caseRoutes<Action extends string, Args extends { [A in Action]: unknown }, State, Body>(
  spec: CaseRoutesSpec<Action, Args, State, Body>,
): ApiRoute[] {
  const { casesPath, stateSchema } = spec.decisions;
  return [
    {
      method: 'post',
      path: casesPath,
      summary: spec.start.summary,
      security: [{ bearer: [] }],
      request: { body: jsonBody(spec.start.body) },
      ...(spec.start.beyondSchema ? { refusals: spec.start.beyondSchema } : {}),
      responses: {
        201: { description: `${capitalized(spec.noun)} started`, ...jsonContent(caseStartedSchema) },
        200: { description: spec.start.existing, ...jsonContent(caseStartedSchema) },
        ...(spec.start.conflict ? { 409: errorResponse(spec.start.conflict) } : {}),
        ...Object.fromEntries(
          Object.entries(spec.start.refusals ?? {}).map(([status, description]) => [
            status,
            errorResponse(description),
          ]),
        ),
      },
    },
    {
      method: 'get',
      path: `${casesPath}/{caseId}`,
      summary: spec.read.summary,
      security: [{ bearer: [] }],
      request: { params: caseIdParamsSchema },
      responses: {
        200: { description: `The ${spec.noun}`, ...jsonContent(stateSchema) },
        404: errorResponse(`No such ${spec.noun}`),
      },
    },
    ...decisionRoutes(spec.decisions),
  ];
}

export function caseRouter<Action extends string, Args extends { [A in Action]: unknown }, State, Body>(
  spec: CaseRoutesSpec<Action, Args, State, Body>,
  { client, taskQueue, adapters }: Pick<ApiDeps, 'client' | 'taskQueue' | 'adapters'>,
): Router {
  const { casesPath } = spec.decisions;
  const router = Router();

  router.post(casesPath, async (req, res) => {
    const actor = actorOf(res);
    const body = parse(spec.start.body, req.body);
    authorize(actor, spec.start.access, spec.start.districtOf(body));
    const start = await spec.start.caseStart(body, { actor, adapters });
    const started = await startOnce(client, taskQueue, start);
    answerStarted(res, casesPath, started, { caseId: started.workflowId });
  });

  router.get(`${casesPath}/:caseId`, async (req, res) => {
    const { caseId } = parse(caseIdParamsSchema, req.params, 'params');
    const actor = actorOf(res);
    authorize(actor, spec.decisions.access, districtOfCase(spec, caseId));
    const { state, workflowStatus } = await readCase(client, caseId, spec.stateQuery);
    spec.read.mayRead?.(actor, state);
    res.json({ ...spec.decisions.present(state, actor), workflowStatus });
  });

  router.use(decisionRouter(spec.decisions, { client, adapters }));
  return router;
}

/**
 * The district of a case from its workflow ID, or a 404 naming the noun: for a process's own routes under
 * `<cases>/{caseId}/…` (a petition's post, an application's staff).
 */
export function districtOfCase(
  spec: { noun: string; decisions: { districtOf: (caseId: string) => District | undefined } },
  caseId: string,
): District {
  const district = spec.decisions.districtOf(caseId);
  if (!district) throw new NotFoundError(`no such ${spec.noun}`);
  return district;
}
