import assert from 'node:assert/strict';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { createPostgresAdapters } from '../../activities/adapters';
import type { Db } from '../../activities/db/connection';
import {
  gasRetrofitHouseholdWorkflowId,
  gasRetrofitStateQuery,
  WORKFLOW_TYPES,
  type GasRetrofitHouseholdInput,
  type GasRetrofitHouseholdWorkflow,
  type GasUserType,
} from '../../workflows/definitions';
import { openTestDb, uniqueAccountRef } from '../helpers/database';
import { createTestWorker, startTimeSkippingServer, uniqueTaskQueue } from '../helpers/temporal';

const CLERK = {
  userId: 'clerk-1',
  department: 'gas-company',
  district: 'jinshui',
  roles: ['clerk'],
} as const;

describe('gasRetrofitHousehold workflow (time-skipping server, Postgres adapters)', function () {
  let env: TestWorkflowEnvironment;
  let db: Db;

  before(async function () {
    env = await startTimeSkippingServer();
    db = openTestDb();
  });

  after(async function () {
    await env?.teardown();
    await db?.destroy();
  });

  async function runCase(input: GasRetrofitHouseholdInput) {
    const taskQueue = uniqueTaskQueue('gas-retrofit');
    const worker = await createTestWorker(env, taskQueue, createPostgresAdapters(db));
    return worker.runUntil(
      env.client.workflow.execute<GasRetrofitHouseholdWorkflow>(WORKFLOW_TYPES.gasRetrofitHousehold, {
        workflowId: gasRetrofitHouseholdWorkflowId(input.district, input.accountRef),
        taskQueue,
        args: [input],
      }),
    );
  }

  async function registerAccount(userType: GasUserType, status: 'active' | 'closed' = 'active') {
    const accountRef = uniqueAccountRef('JS');
    await createPostgresAdapters(db).gasCompany.upsertAccounts([
      { accountRef, district: 'jinshui', userType, status },
    ]);
    return accountRef;
  }

  const input = (
    accountRef: string,
    userType: GasUserType = 'residential-pipeline',
  ): GasRetrofitHouseholdInput => ({
    district: 'jinshui',
    accountRef,
    userType,
    channel: 'window',
    startedBy: { ...CLERK, roles: [...CLERK.roles] },
  });

  it('an active account of the stated type is eligible, and the case record says so', async function () {
    const accountRef = await registerAccount('residential-pipeline');
    const result = await runCase(input(accountRef));
    assert.equal(result.stage, 'eligible');
    assert.equal(result.eligibility?.outcome, 'eligible');
    const row = await db('onething.cases').where({ case_id: result.caseId }).first();
    assert.equal(row.stage, 'eligible');
    assert.equal(row.stage_seq, 2);
    const checks = await db('gas_company.eligibility_checks').where({ case_id: result.caseId });
    assert.equal(checks.length, 1);
  });

  for (const [label, setup, reason] of [
    ['an unknown account', () => Promise.resolve(uniqueAccountRef('JS')), 'account-not-found'],
    ['a closed account', () => registerAccount('residential-lpg', 'closed'), 'account-closed'],
  ] as const) {
    it(`${label} is ineligible (${reason})`, async function () {
      const accountRef = await setup();
      const result = await runCase(input(accountRef, 'residential-lpg'));
      assert.equal(result.stage, 'ineligible');
      assert.deepEqual(
        result.eligibility?.outcome === 'ineligible' ? result.eligibility.reason : undefined,
        reason,
      );
    });
  }

  it('a user type that differs from the gas company record is ineligible', async function () {
    const accountRef = await registerAccount('non-residential-pipeline');
    const result = await runCase(input(accountRef, 'residential-pipeline'));
    assert.equal(
      result.eligibility?.outcome === 'ineligible' && result.eligibility.reason,
      'user-type-mismatch',
    );
  });

  it('answers the caseState query with the current stage', async function () {
    const accountRef = await registerAccount('residential-pipeline');
    const taskQueue = uniqueTaskQueue('gas-retrofit');
    const worker = await createTestWorker(env, taskQueue, createPostgresAdapters(db));
    const handle = await env.client.workflow.start<GasRetrofitHouseholdWorkflow>(
      WORKFLOW_TYPES.gasRetrofitHousehold,
      {
        workflowId: gasRetrofitHouseholdWorkflowId('jinshui', accountRef),
        taskQueue,
        args: [input(accountRef)],
      },
    );
    const state = await worker.runUntil(async () => {
      await handle.result();
      return handle.query(gasRetrofitStateQuery);
    });
    assert.equal(state.stage, 'eligible');
    assert.equal(state.accountRef, accountRef);
  });
});
