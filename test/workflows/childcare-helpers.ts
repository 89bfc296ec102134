/** Childcare applications in workflow tests: actors, the departments' data prepared, a driver per case. */
import type { Client } from '@temporalio/client';
import type { Adapters } from '../../activities/adapters';
import { siteKeyOf } from '../../processes/childcare/site-key';
import { yearOf } from '../../processes/childcare/workflow/application-case';
import {
  childcareStateQuery,
  childcareUpdates,
  type ChildcareAction,
  type ChildcareActionArgs,
  type ChildcareApplicationInput,
  type ChildcareCaseState,
  type ChildcareStage,
} from '../../processes/childcare/workflow/contract';
import { applicationCaseStart } from '../../processes/childcare/workflow/starts';
import type { Actor, District } from '../../workflows/definitions';
import { ProcessCaseDriver } from '../helpers/case-driver';
import { subsidyApplication } from '../helpers/childcare';
import type { HasClient } from './gas-retrofit-helpers';

const health = (role: 'clerk' | 'supervisor' | 'inspector', district: District | 'city'): Actor => ({
  userId: `hc-${role}`,
  department: 'health-commission',
  district,
  roles: [role],
});

export const childcareActors = {
  clerk: (district: District) => health('clerk', district),
  inspector: (district: District) => health('inspector', district),
  supervisor: (district: District) => health('supervisor', district),
  citySupervisor: () => health('supervisor', 'city'),
  finance: (district: District): Actor => ({
    userId: 'fin-cc',
    department: 'district-finance',
    district,
    roles: ['finance'],
  }),
};

export class ApplicationDriver extends ProcessCaseDriver<
  ChildcareCaseState,
  ChildcareStage,
  ChildcareAction,
  ChildcareActionArgs
> {
  constructor(client: Client, caseId: string) {
    super(client, caseId, childcareStateQuery, childcareUpdates);
  }
}

let serial = 0;

export type ApplicationBody = ReturnType<typeof subsidyApplication>;

/** What the departments know of a provider that passes every check, unless a test says otherwise. */
export async function prepareDepartments(
  adapters: Adapters,
  body: ApplicationBody,
  skip: { registration?: boolean; fireSafety?: boolean; community?: boolean; ceiling?: boolean } = {},
  /** The case's clock (a time-skipping server may be years ahead): the ceiling is published for its year. */
  nowMs = Date.now(),
): Promise<void> {
  const { provider } = body;
  const district = provider.district as District;
  if (!skip.registration) await adapters.marketRegulation.registerBusiness(provider.creditCode, 'active');
  if (!skip.fireSafety)
    await adapters.fireSafety.recordSignOff(provider.creditCode, siteKeyOf({ ...provider, district }), true);
  if (!skip.community) {
    await adapters.civilAffairs.upsertCommunities([
      { district, street: provider.street, community: provider.community },
    ]);
  }
  if (!skip.ceiling) {
    await adapters.marketRegulation.publishChildcarePriceCeiling({
      district,
      year: yearOf(new Date(nowMs).toISOString()),
      ceilingFen: 200_000,
      publishedBy: 'mr-test',
    });
  }
}

/** A fresh application (its own credit code), its staff with the health commission, its case started. */
export async function startApplication(
  env: HasClient & { currentTimeMs?: () => Promise<number> },
  adapters: Adapters,
  taskQueue: string,
  options: {
    body?: (body: ApplicationBody) => ApplicationBody;
    prepare?: Parameters<typeof prepareDepartments>[2];
  } = {},
): Promise<{ driver: ApplicationDriver; body: ApplicationBody }> {
  serial += 1;
  const base = subsidyApplication(90_000 + (process.pid % 1000) * 100 + serial);
  const body = options.body ? options.body(base) : base;
  const district = body.provider.district as District;
  await prepareDepartments(adapters, body, options.prepare, await (env.currentTimeMs?.() ?? Date.now()));
  const input: ChildcareApplicationInput = {
    provider: { ...body.provider, district } as ChildcareApplicationInput['provider'],
    facts: body.facts,
    siteKey: siteKeyOf({ ...body.provider, district }),
    startedBy: childcareActors.clerk(district),
  };
  const start = applicationCaseStart(input);
  await adapters.healthCommission.keepStaff(start.workflowId, body.staff);
  await env.client.workflow.start(start.workflowType, {
    workflowId: start.workflowId,
    taskQueue,
    args: [start.input],
    typedSearchAttributes: start.typedSearchAttributes,
  });
  return { driver: new ApplicationDriver(env.client, start.workflowId), body };
}

/**
 * Completeness, checks, inspection and both approvals in Jinshui. Finance's approval is only recorded: the payment
 * it sets off is not waited for (a fault test may be killing the worker, or holding the ledger, right then).
 */
export async function approveThrough(c: ApplicationDriver): Promise<void> {
  const J = 'jinshui' as const;
  await c.waitForStage('completeness-check', 20_000, (s) => s.openTask?.kind === 'completeness');
  await c.act('completeness', { actor: childcareActors.clerk(J), outcome: 'complete' });
  await c.waitForStage('site-inspection', 20_000, (s) => s.openTask?.kind === 'inspection');
  await c.act('inspection', { actor: childcareActors.inspector(J), result: 'pass', photosRef: 'PHOTO-001' });
  await c.act('health-approval', { actor: childcareActors.supervisor(J), decision: 'approve' });
  await c.record('finance-approval', { actor: childcareActors.finance(J), decision: 'approve' });
}
