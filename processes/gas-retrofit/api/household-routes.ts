import type { Router } from 'express';
import type { z } from 'zod';
import { type Actor } from '../../../workflows/definitions';
import {
  GAS_RETROFIT_PROCESS_CODES,
  GAS_RETROFIT_ACTIONS,
  gasRetrofitHouseholdWorkflowId,
  gasRetrofitStateQuery,
  gasRetrofitUpdates,
  parseGasRetrofitHouseholdWorkflowId,
  type GasRetrofitAction,
  type GasRetrofitActionArgs,
  type GasRetrofitCaseState,
} from '../workflow/contract';
import { GAS_RETROFIT_DEPARTMENTS, GAS_RETROFIT_RULES, HOUSEHOLD_DECISION_RULES } from '../workflow/rules';
import { householdCaseStart } from '../workflow/starts';
import type { AccessRule } from '../../../api/auth';
import { caseRouter, caseRoutes, type CaseRoutesSpec } from '../../../api/case-routes';
import { decisionsSeenBy } from '../../../api/decision-particulars';
import type { ApiDeps } from '../../../api/deps';
import { ConflictError } from '../../../api/errors';
import type { ApiRoute } from '../../../api/openapi';
import { gasRetrofitActionBodies, gasRetrofitCaseSchema, startGasRetrofitHouseholdSchema } from './schemas';
import { HOUSEHOLD_START_REFUSALS } from './refusals';
import { caseKindOf } from '../../../api/case-kinds';
import { HOUSEHOLD_WORDS } from '../words';

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

/** Household cases: started by the gas company or the safety office, read and decided by the retrofit's staff. */
const HOUSEHOLD_CASES: CaseRoutesSpec<
  GasRetrofitAction,
  GasRetrofitActionArgs,
  GasRetrofitCaseState,
  z.infer<typeof startGasRetrofitHouseholdSchema>
> = {
  noun: 'case',
  stateQuery: gasRetrofitStateQuery,
  // Any of the case's district staff or the city's may address a decision to it.
  decisions: {
    casesPath: HOUSEHOLDS,
    actions: GAS_RETROFIT_ACTIONS,
    bodies: gasRetrofitActionBodies,
    updates: gasRetrofitUpdates,
    districtOf: (caseId) => parseGasRetrofitHouseholdWorkflowId(caseId)?.district,
    access: READ_CASE,
    stateSchema: gasRetrofitCaseSchema,
    present: (state, reader) => presentHousehold(state, reader),
    refusals: HOUSEHOLD_DECISION_RULES,
  },
  start: {
    summary: 'Start a household gas-safety retrofit case (idempotent on district + account)',
    body: startGasRetrofitHouseholdSchema,
    beyondSchema: HOUSEHOLD_START_REFUSALS,
    access: START_CASE,
    districtOf: (body) => body.district,
    existing: 'A case for this district and account already exists; it is returned',
    conflict:
      'A case for this district and account exists with another contact: a change of contact is its own act',
    caseStart: async ({ contact, ...body }, { actor, adapters }) => {
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
      return householdCaseStart({ ...body, startedBy: actor });
    },
  },
  read: { summary: 'Read a household case: stage, booking, open task, price basis and shares' },
};

export const gasRetrofitRoutes: ApiRoute[] = caseRoutes(HOUSEHOLD_CASES);

export function gasRetrofitRouter(deps: ApiDeps): Router {
  return caseRouter(HOUSEHOLD_CASES, deps);
}

/** What the clerks' workbench shows of these cases (GET /v1/case-kinds). */
export const householdCaseKind = caseKindOf(
  HOUSEHOLD_CASES,
  GAS_RETROFIT_PROCESS_CODES.household,
  HOUSEHOLD_WORDS,
  GAS_RETROFIT_RULES,
  { path: '/contact', name: '联系人信息', unmaskable: true },
);
