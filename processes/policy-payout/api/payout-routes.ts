/**
 * Policy cases: an enterprise applies with its own token (once per policy and year), reads only its own cases and
 * takes only its own decisions; the policy's issuing department reviews; finance resolves payment incidents. A
 * case found by a 免申即享 round is started by the round (round-routes.ts), never here.
 */
import type { Router } from 'express';
import type { z } from 'zod';
import { caseRouter, caseRoutes, type CaseRoutesSpec } from '../../../api/case-routes';
import { decisionsSeenBy } from '../../../api/decision-particulars';
import type { DecisionRouteSpec } from '../../../api/decision-routes';
import type { ApiDeps } from '../../../api/deps';
import { ConflictError, ForbiddenError, NotFoundError, RulesNotMetError } from '../../../api/errors';
import type { ApiRoute } from '../../../api/openapi';
import type { AccessRule } from '../../../api/auth';
import { beijingDay } from '../../../workflows/kit/clock';
import { windowProblems } from '../policy/window';
import type { Actor } from '../../../workflows/kit/vocabulary';
import {
  POLICY_PAYOUT_PROCESS_CODES,
  parsePolicyPayoutWorkflowId,
  POLICY_PAYOUT_ACTIONS,
  policyPayoutStateQuery,
  policyPayoutUpdates,
  type PolicyPayoutAction,
  type PolicyPayoutActionArgs,
  type PolicyPayoutCaseState,
} from '../workflow/contract';
import { PAYOUT_DECISION_RULES, POLICY_ISSUERS, POLICY_PAYOUT_RULES } from '../workflow/rules';
import { payoutCaseStart } from '../workflow/starts';
import { policyActionBodies, policyPayoutCaseSchema, startPolicyApplicationSchema } from './case-schemas';
import { caseKindOf } from '../../../api/case-kinds';
import { PAYOUT_WORDS } from '../words';

export const PAYOUTS = '/v1/policy-payouts';

const READ: AccessRule = {
  roles: ['clerk', 'supervisor', 'finance', 'auditor', 'legal-person'],
  departments: [...POLICY_ISSUERS, 'city-finance', 'district-finance', 'big-data-bureau', 'enterprise'],
};
const APPLY: AccessRule = { roles: ['legal-person'], departments: ['enterprise'] };

const ownEnterprise = (reader: Actor, state: PolicyPayoutCaseState) => reader.creditCode === state.creditCode;
const isIssuer = (reader: Actor, state: PolicyPayoutCaseState) =>
  reader.department === state.policy.terms.issuer.department;

/** Need to know: an enterprise reads its own cases; an issuing department the cases of its own policies. */
function mayRead(reader: Actor, state: PolicyPayoutCaseState): void {
  if (reader.department === 'enterprise' && !ownEnterprise(reader, state)) {
    throw new ForbiddenError('an enterprise reads its own cases only');
  }
  const issuerDepartment = (POLICY_ISSUERS as readonly string[]).includes(reader.department);
  if (issuerDepartment && !isIssuer(reader, state) && !reader.roles.includes('auditor')) {
    throw new ForbiddenError('an issuing department reads the cases of its own policies only');
  }
}

/** The account number shows in full to the enterprise and to finance; the facts to the issuer, auditors and itself. */
function present(state: PolicyPayoutCaseState, reader: Actor) {
  const full = reader.roles.includes('auditor') || isIssuer(reader, state);
  const seen = decisionsSeenBy(state, reader, full);
  const paysOrOwns = ownEnterprise(reader, state) || reader.roles.includes('finance');
  const account = state.account && {
    bank: state.account.bank,
    accountNumber: paysOrOwns ? state.account.accountNumber : `****${state.account.accountNumber.slice(-4)}`,
  };
  const judgment =
    state.judgment &&
    (full || ownEnterprise(reader, state) ? state.judgment : { ...state.judgment, facts: undefined });
  return { ...seen, ...(account ? { account } : {}), ...(judgment ? { judgment } : {}) };
}

const DECISIONS: DecisionRouteSpec<PolicyPayoutAction, PolicyPayoutActionArgs, PolicyPayoutCaseState> = {
  casesPath: PAYOUTS,
  actions: POLICY_PAYOUT_ACTIONS,
  bodies: policyActionBodies,
  updates: policyPayoutUpdates,
  districtOf: (caseId) => parsePolicyPayoutWorkflowId(caseId)?.district,
  access: READ,
  stateSchema: policyPayoutCaseSchema,
  present,
  refusals: PAYOUT_DECISION_RULES,
};

type ApplicationBody = z.infer<typeof startPolicyApplicationSchema>;

/** The policy takes applications today, in the enterprise's district, from the enterprise registered there. */
async function applicationStart(
  { policyId, district, materials, account }: ApplicationBody,
  { actor, adapters }: { actor: Actor; adapters: ApiDeps['adapters'] },
) {
  const creditCode = actor.creditCode;
  if (!creditCode) throw new ForbiddenError('an application is made with the enterprise’s own token');
  const policy = await adapters.policyCatalogue.version(policyId);
  if (!policy) throw new NotFoundError('no such policy in the catalogue');
  const { terms } = policy;
  const today = beijingDay(new Date());
  const problems = [
    ...(terms.mode === 'application'
      ? []
      : [
          {
            field: 'policyId',
            rule: 'this policy is 免申即享: its rounds find the enterprises it pays',
            zh: '该政策为免申即享，由批次查找符合条件的企业',
          },
        ]),
    ...windowProblems(terms, today),
    ...(terms.scope.includes(district)
      ? []
      : [
          {
            field: 'district',
            rule: 'is not among the districts the policy serves',
            zh: '不在该政策适用的区县之内',
          },
        ]),
    ...terms.materials
      .filter((name) => !materials.includes(name))
      .map((name) => ({ field: 'materials', rule: `must include ${name}` })),
  ];
  if (problems.length > 0) throw new RulesNotMetError(problems);
  const registration = (await adapters.marketRegulation.enterprises([creditCode])).get(creditCode);
  if (registration?.district !== district) {
    throw new ConflictError(
      'district: the business register has the enterprise registered elsewhere, or not at all',
    );
  }
  return payoutCaseStart({
    policy: { policyId, version: policy.version, terms },
    year: Number(today.slice(0, 4)),
    creditCode,
    district,
    startedBy: actor,
    materials,
    account,
  });
}

const PAYOUT_CASES: CaseRoutesSpec<
  PolicyPayoutAction,
  PolicyPayoutActionArgs,
  PolicyPayoutCaseState,
  ApplicationBody
> = {
  noun: 'case',
  stateQuery: policyPayoutStateQuery,
  decisions: DECISIONS,
  start: {
    summary: 'An enterprise applies for a policy (its own token; once per policy and year)',
    body: startPolicyApplicationSchema,
    access: APPLY,
    districtOf: ({ district }) => district,
    existing: 'The enterprise applied for this policy this year already; its case is returned',
    conflict: 'The business register has the enterprise registered in another district, or not at all',
    refusals: {
      404: 'No such policy in the catalogue',
      422: 'The policy is 免申即享, its window is closed, the district is not one it serves, or a material is missing',
    },
    caseStart: applicationStart,
  },
  read: {
    summary: 'Read a policy case: stage, the judgment and its rules, deadlines, the notice, payment',
    mayRead,
  },
};

export const policyPayoutRoutes: ApiRoute[] = caseRoutes(PAYOUT_CASES);

export function policyPayoutRouter(deps: ApiDeps): Router {
  return caseRouter(PAYOUT_CASES, deps);
}

/** What the clerks' workbench shows of these cases (GET /v1/case-kinds). */
export const payoutCaseKind = caseKindOf(
  PAYOUT_CASES,
  POLICY_PAYOUT_PROCESS_CODES.payout,
  PAYOUT_WORDS,
  POLICY_PAYOUT_RULES,
);
