/**
 * Citizens' petitions: intake by the petition office (idempotent on the channel's reference), reads on a need to
 * know (need-to-know.ts), the post itself (the petitioner's contact masked; a report's petitioner never
 * shown outside the petition office; a report's post read by anyone but its holder audited), the routing table,
 * and the decisions through the shared decision routes.
 */
import { Router } from 'express';
import type { z } from 'zod';
import {
  PETITION_PROCESS_CODE,
  PETITION_ACTIONS,
  parsePetitionWorkflowId,
  petitionStateQuery,
  petitionUpdates,
  petitionWorkflowId,
  type PetitionAction,
  type PetitionActionArgs,
  type PetitionCaseState,
} from '../workflow/contract';
import { HANDLING_DEPARTMENTS, PETITION_DECISION_RULES, PETITION_RULES } from '../workflow/rules';
import { petitionCaseStart } from '../workflow/starts';
import { maskName, maskPhone } from '../../../platform/personal-data/masking';
import { actorOf, authorize, type AccessRule } from '../../../api/auth';
import type { Actor } from '../../../workflows/definitions';
import { readCase } from '../../../api/case-reads';
import { caseRouter, caseRoutes, districtOfCase, type CaseRoutesSpec } from '../../../api/case-routes';
import type { DecisionRouteSpec } from '../../../api/decision-routes';
import type { ApiDeps } from '../../../api/deps';
import { guardUnmasking, recordUnmasking } from '../../../api/unmasking';
import { decisionsSeenBy } from '../../../api/decision-particulars';
import {
  isAuditedPostRead,
  petitionReaderOf,
  requirePetitionReader,
  requirePostReader,
} from './need-to-know';
import { NotFoundError, ValidationError } from '../../../api/errors';
import { errorResponse, jsonContent, type ApiRoute, type Refusal } from '../../../api/openapi';
import { PERSONAL_DATA_KEY_RULE } from '../../../api/personal-data/business-key';
import {
  INTAKE_LIMIT_DAYS,
  petitionActionBodies,
  petitionCaseSchema,
  petitionPostSchema,
  pressRecordSchema,
  startPetitionSchema,
} from './schemas';
import { caseIdParamsSchema, contactReadQuerySchema } from '../../../api/schemas';
import { parse } from '../../../api/validation';
import { caseKindOf } from '../../../api/case-kinds';
import { PETITION_WORDS } from '../words';

const PETITIONS = '/v1/petitions';
const INTAKE: AccessRule = { roles: ['clerk'], departments: ['petition-office'] };
/**
 * Who may ask for petitions at all: the petition office, the departments that handle them, the press desk,
 * auditors. Which petition each of them reads is narrower (need-to-know.ts).
 */
export const PETITION_READ: AccessRule = {
  roles: ['clerk', 'supervisor', 'auditor', 'reporter'],
  departments: [...HANDLING_DEPARTMENTS, 'public-supervision'],
};

/**
 * The petition office and the department holding the petition read every reason and account in it; a department
 * that held it before, and the press desk, read what was decided, by whom and when, and their own particulars.
 */
function presentPetition(state: PetitionCaseState, reader: Actor) {
  const readsAll = ['petition-office', 'holder'].includes(petitionReaderOf(reader, state) ?? '');
  if (readsAll) return state;
  return {
    ...decisionsSeenBy(state, reader, false),
    transfers: state.transfers.map(({ reason: _withheld, ...transfer }) => transfer),
    ...(state.extension
      ? { extension: { by: state.extension.by, workingDays: state.extension.workingDays } }
      : {}),
  };
}

const DECISIONS: DecisionRouteSpec<PetitionAction, PetitionActionArgs, PetitionCaseState> = {
  casesPath: PETITIONS,
  actions: PETITION_ACTIONS,
  bodies: petitionActionBodies,
  updates: petitionUpdates,
  districtOf: (caseId) => parsePetitionWorkflowId(caseId)?.district,
  access: PETITION_READ,
  stateSchema: petitionCaseSchema,
  present: (state, reader) => presentPetition(state, reader),
  refusals: PETITION_DECISION_RULES,
};

const RECEIVED_AT_RULES = {
  future: { field: 'receivedAt', rule: 'must not be in the future', zh: '不得晚于当前时间' },
  tooOld: {
    field: 'receivedAt',
    rule: `must be within the last ${INTAKE_LIMIT_DAYS} days`,
    zh: `须在最近 ${INTAKE_LIMIT_DAYS} 天之内`,
  },
} as const satisfies Record<string, Refusal>;

/** A window or kiosk post may be typed in later, but never dated in the future nor older than the intake limit. */
function receivedAtOf(value: string | undefined): string {
  if (value === undefined) return new Date().toISOString();
  const at = Date.parse(value);
  if (at > Date.now() + 60_000) throw new ValidationError([RECEIVED_AT_RULES.future]);
  if (at < Date.now() - INTAKE_LIMIT_DAYS * 86_400_000) throw new ValidationError([RECEIVED_AT_RULES.tooOld]);
  return new Date(at).toISOString();
}

/** Petitions: taken in by the petition office, read on a need to know, decided by whoever holds them. */
const PETITION_CASES: CaseRoutesSpec<
  PetitionAction,
  PetitionActionArgs,
  PetitionCaseState,
  z.infer<typeof startPetitionSchema>
> = {
  noun: 'petition',
  stateQuery: petitionStateQuery,
  decisions: DECISIONS,
  start: {
    summary: 'Take in a citizen’s post (idempotent on district + the channel’s reference)',
    body: startPetitionSchema,
    beyondSchema: [
      { field: 'petitionRef', rule: PERSONAL_DATA_KEY_RULE },
      ...Object.values(RECEIVED_AT_RULES),
    ],
    access: INTAKE,
    districtOf: (body) => body.district,
    existing: 'This post was taken in already; its case is returned',
    caseStart: async ({ text, location, contact, receivedAt, ...body }, { actor, adapters }) => {
      const received = receivedAtOf(receivedAt);
      const caseId = petitionWorkflowId(body.district, body.petitionRef);
      // The post goes to the petition office's system first (kept once), only codes to Temporal.
      await adapters.petitionOffice.savePetition({ caseId, text, location, contact, receivedAt: received });
      return petitionCaseStart({ ...body, receivedAt: received, startedBy: actor });
    },
  },
  read: {
    summary: 'Read a petition: stage, department, every deadline, supervision rung, transfers, rating',
    mayRead: (reader, state) => {
      requirePetitionReader(reader, state);
    },
  },
};

export const petitionRoutes: ApiRoute[] = [
  ...caseRoutes(PETITION_CASES),
  {
    method: 'get',
    path: `${PETITIONS}/{caseId}/post`,
    summary:
      'The post as the citizen wrote it; the contact masked (`?unmasked=true`: petition office with the permission, audited)',
    security: [{ bearer: [] }],
    request: { params: caseIdParamsSchema, query: contactReadQuerySchema },
    responses: {
      200: { description: 'The post', ...jsonContent(petitionPostSchema) },
      404: errorResponse('No such petition'),
    },
  },
  {
    method: 'get',
    path: `${PETITIONS}/{caseId}/press`,
    summary:
      'The public supervision desk’s records of a petition (观观督办): its follow-up calls and its story',
    security: [{ bearer: [] }],
    request: { params: caseIdParamsSchema },
    responses: {
      200: { description: 'The desk’s records', ...jsonContent(pressRecordSchema) },
      404: errorResponse('No such petition'),
    },
  },
];

export function petitionRouter(deps: ApiDeps): Router {
  const { client, adapters } = deps;
  const router = Router();

  router.get(`${PETITIONS}/:caseId/post`, async (req, res) => {
    const actor = actorOf(res);
    const { caseId } = parse(caseIdParamsSchema, req.params, 'params');
    const { unmasked } = parse(contactReadQuerySchema, req.query, 'query');
    const wantsFull = unmasked === 'true';
    const office = actor.department === 'petition-office';
    authorize(actor, PETITION_READ, districtOfCase(PETITION_CASES, caseId));
    const { state } = await readCase(client, caseId, petitionStateQuery);
    const reader = requirePostReader(actor, state);
    const unmasking = {
      caseId,
      action: 'petition:unmask',
      wanted: wantsFull,
      alsoNeeds: { what: 'the petition office', met: office },
    };
    await guardUnmasking(res, adapters.auditLog, unmasking);
    const post = await adapters.petitionOffice.petition(caseId);
    if (!post) throw new NotFoundError('no such petition');
    if (isAuditedPostRead(reader, state)) {
      await adapters.auditLog.record({
        actor,
        action: 'petition:read-report-post',
        outcome: 'allowed',
        reason: `read as ${reader}`,
        caseId,
      });
    }
    await recordUnmasking(res, adapters.auditLog, unmasking);
    // A report's petitioner is never shown to the department reported on, nor to the handling department.
    const hidden = state.kind === 'report' && !office;
    res.json({
      caseId,
      text: post.text,
      location: post.location,
      receivedAt: post.receivedAt,
      contact: hidden
        ? null
        : wantsFull
          ? post.contact
          : { name: maskName(post.contact.name), phone: maskPhone(post.contact.phone) },
      masked: !wantsFull,
    });
  });

  router.get(`${PETITIONS}/:caseId/press`, async (req, res) => {
    const { caseId } = parse(caseIdParamsSchema, req.params, 'params');
    const actor = actorOf(res);
    authorize(actor, PETITION_READ, districtOfCase(PETITION_CASES, caseId));
    requirePetitionReader(actor, (await readCase(client, caseId, petitionStateQuery)).state);
    const desk = adapters.publicSupervision;
    const [calls, takenUp, visits, published] = await Promise.all([
      desk.calls(caseId),
      desk.takeUp(caseId),
      desk.visits(caseId),
      desk.published(caseId),
    ]);
    res.json({ calls, takenUp: takenUp ?? null, visits, published: published ?? null });
  });

  // Mounted after the routing table's router (the module's order): `/v1/petitions/routes` is not a case.
  router.use(caseRouter(PETITION_CASES, deps));
  return router;
}

/** What the clerks' workbench shows of these cases (GET /v1/case-kinds). */
export const petitionCaseKind = caseKindOf(
  PETITION_CASES,
  PETITION_PROCESS_CODE,
  PETITION_WORDS,
  PETITION_RULES,
  { path: '/post', name: '诉求原文与联系人', unmaskable: true },
);
