/**
 * Childcare-provider applications: started by the health commission's window (idempotent on credit code + site),
 * read by those with business on them, decided through the shared decision routes. Staff are personal data: they
 * go to the health commission's system, never to Temporal, and are shown masked.
 */
import { Router } from 'express';
import type { z } from 'zod';
import {
  CHILDCARE_PROCESS_CODE,
  CHILDCARE_ACTIONS,
  childcareApplicationWorkflowId,
  childcareStateQuery,
  childcareUpdates,
  parseChildcareApplicationWorkflowId,
  type ChildcareAction,
  type ChildcareActionArgs,
  type ChildcareCaseState,
} from '../workflow/contract';
import { CHILDCARE_DECISION_RULES, CHILDCARE_DEPARTMENTS, CHILDCARE_RULES } from '../workflow/rules';
import { applicationCaseStart } from '../workflow/starts';
import { maskCertificate, maskName } from '../../../platform/personal-data/masking';
import { actorOf, authorize, type AccessRule } from '../../../api/auth';
import { caseRouter, caseRoutes, districtOfCase, type CaseRoutesSpec } from '../../../api/case-routes';
import type { Actor } from '../../../workflows/definitions';
import { decisionsSeenBy } from '../../../api/decision-particulars';
import {
  childcareActionBodies,
  childcareCaseSchema,
  childcareStaffViewSchema,
  startChildcareApplicationSchema,
} from './schemas';
import { siteKeyOf } from '../site-key';
import type { DecisionRouteSpec } from '../../../api/decision-routes';
import type { ApiDeps } from '../../../api/deps';
import { ConflictError, NotFoundError } from '../../../api/errors';
import type { StaffMember } from '../../../activities/adapters/health-commission/port';
import { errorResponse, jsonContent, type ApiRoute } from '../../../api/openapi';
import { caseIdParamsSchema, creditCodeRefusals } from '../../../api/schemas';
import { parse } from '../../../api/validation';
import { caseKindOf } from '../../../api/case-kinds';
import { APPLICATION_WORDS } from '../words';

const APPLICATIONS = '/v1/childcare/applications';
const START: AccessRule = { roles: ['clerk'], departments: ['health-commission'] };
const READ: AccessRule = {
  roles: ['clerk', 'supervisor', 'inspector', 'finance', 'auditor'],
  departments: CHILDCARE_DEPARTMENTS,
};
const READ_STAFF: AccessRule = {
  roles: ['clerk', 'supervisor', 'inspector'],
  departments: ['health-commission'],
};

/** The health commission runs applications: it reads every decision's particulars, as auditors do. */
const presentApplication = (state: ChildcareCaseState, reader: Actor) =>
  decisionsSeenBy(
    state,
    reader,
    reader.roles.includes('auditor') || reader.department === 'health-commission',
  );

const DECISIONS: DecisionRouteSpec<ChildcareAction, ChildcareActionArgs, ChildcareCaseState> = {
  casesPath: APPLICATIONS,
  actions: CHILDCARE_ACTIONS,
  bodies: childcareActionBodies,
  updates: childcareUpdates,
  districtOf: (caseId) => parseChildcareApplicationWorkflowId(caseId)?.district,
  access: READ,
  stateSchema: childcareCaseSchema,
  present: (state, reader) => presentApplication(state, reader),
  refusals: CHILDCARE_DECISION_RULES,
  argsOf: {
    // The list is filed with the health commission (and the filing audited); the case gets its ID and the reason.
    'staff-change': async (body: { staff: StaffMember[]; reason: string }, { caseId, actor, adapters }) => {
      const changeId = await adapters.healthCommission.proposeStaffChange({
        caseId,
        staff: body.staff,
        requestedBy: actor.userId,
      });
      await adapters.auditLog.record({
        actor,
        action: 'staff:change',
        outcome: 'allowed',
        reason: 'filed for the case to take',
        caseId,
        details: { changeId, staff: body.staff.length },
      });
      return { changeId, reason: body.reason };
    },
  },
};

/** Applications: filed at the health commission's window, read and decided by the departments on the case. */
const APPLICATION_CASES: CaseRoutesSpec<
  ChildcareAction,
  ChildcareActionArgs,
  ChildcareCaseState,
  z.infer<typeof startChildcareApplicationSchema>
> = {
  noun: 'application',
  stateQuery: childcareStateQuery,
  decisions: DECISIONS,
  start: {
    summary: 'Apply for the construction subsidy (idempotent on credit code + site)',
    body: startChildcareApplicationSchema,
    beyondSchema: creditCodeRefusals('provider.creditCode'),
    access: START,
    districtOf: ({ provider }) => provider.district,
    existing: 'This provider already applied for this site; its case is returned',
    conflict:
      'This provider applied for this site with another staff list: a change of staff is its own decision',
    caseStart: async ({ provider, facts, staff }, { actor, adapters }) => {
      const siteKey = siteKeyOf(provider);
      // Staff go to the health commission's system first. A retried post finds the same list kept; another list
      // is a change of staff, which is its own decision, never a side effect of posting again.
      const kept = await adapters.healthCommission.keepStaff(
        childcareApplicationWorkflowId(provider.district, provider.creditCode, siteKey),
        staff,
      );
      if (kept === 'differs') {
        throw new ConflictError(
          'staff: this application was posted with another staff list; change it with POST …/actions/staff-change',
        );
      }
      return applicationCaseStart({ provider, facts, siteKey, startedBy: actor });
    },
  },
  read: {
    summary:
      'Read an application: stage, open task, department checks, each rule, the amount, payment, evaluations',
  },
};

export const childcareApplicationRoutes: ApiRoute[] = [
  ...caseRoutes(APPLICATION_CASES),
  {
    method: 'get',
    path: `${APPLICATIONS}/{caseId}/staff`,
    summary: "The application's staff, masked (personal data, kept by the health commission)",
    security: [{ bearer: [] }],
    request: { params: caseIdParamsSchema },
    responses: {
      200: { description: 'The staff, masked', ...jsonContent(childcareStaffViewSchema) },
      404: errorResponse('No such application'),
    },
  },
];

export function childcareApplicationRouter(deps: ApiDeps): Router {
  const router = Router();
  const { adapters } = deps;

  router.get(`${APPLICATIONS}/:caseId/staff`, async (req, res) => {
    const { caseId } = parse(caseIdParamsSchema, req.params, 'params');
    authorize(actorOf(res), READ_STAFF, districtOfCase(APPLICATION_CASES, caseId));
    const staff = await adapters.healthCommission.staffOf(caseId);
    if (staff.length === 0) throw new NotFoundError('no such application');
    res.json({
      caseId,
      masked: true,
      staff: staff.map((member) => ({
        name: maskName(member.name),
        certificateNumber: maskCertificate(member.certificateNumber),
      })),
    });
  });

  router.use(caseRouter(APPLICATION_CASES, deps));
  return router;
}

/** What the clerks' workbench shows of these cases (GET /v1/case-kinds). */
export const applicationCaseKind = caseKindOf(
  APPLICATION_CASES,
  CHILDCARE_PROCESS_CODE,
  APPLICATION_WORDS,
  CHILDCARE_RULES,
  { path: '/staff', name: '从业人员', unmaskable: false },
);
