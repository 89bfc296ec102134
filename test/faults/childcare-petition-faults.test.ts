/**
 * PostgreSQL cut under the newer processes, as the retrofit's outage suite does: while a childcare construction
 * subsidy is being booked, and while a petition's rungs are being told. (The worker killed after a childcare
 * payment commits is in worker-faults.test.ts.) The payment is counted in district finance's own table, and the
 * rungs against dates worked out by hand.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { createPostgresAdapters, type Adapters } from '../../activities/adapters';
import type { Db } from '../../activities/db/connection';
import { fetchLiveHistory } from '../../audit/histories';
import { openTestDb } from '../helpers/database';
import { loadFixedYear, sleepUntil, tenInTheMorning, unloadFixedYears } from '../helpers/fixed-calendar';
import { retriedActivities, retriedAttempts } from '../helpers/history';
import { lockLedgers } from '../helpers/ledger-lock';
import type { RunningProcess } from '../helpers/processes';
import { outage, startCuttableProxy, type CuttableProxy } from '../helpers/tcp-proxy';
import { startDevServer, startTimeSkippingServer, uniqueTaskQueue } from '../helpers/temporal';
import { startWorkerProcess, stopWorkerProcess } from '../helpers/worker-process';
import { approveThrough, startApplication } from '../workflows/childcare-helpers';
import {
  CONSULTATION_LADDER_FROM_18_SEPTEMBER_2037,
  LADDER_RECEIVED_ON,
  startPetition,
  watchOf,
  type PetitionDriver,
} from '../workflows/petition-helpers';

const OUTAGE_MS = 6_000;
const J = 'jinshui' as const;

describe('faults in childcare and petitions: PostgreSQL cut', function () {
  this.timeout(300_000);
  let db: Db;
  let adapters: Adapters;
  let env: TestWorkflowEnvironment | undefined;
  let proxy: CuttableProxy | undefined;
  const workers: RunningProcess[] = [];
  const dataDirs: string[] = [];

  const dataDir = () => {
    dataDirs.push(mkdtempSync(path.join(os.tmpdir(), 'onething-faults-')));
    return dataDirs.at(-1)!;
  };
  const worker = async (
    server: TestWorkflowEnvironment,
    options: { taskQueue: string; databaseUrl: string },
  ) => {
    workers.push(await startWorkerProcess(server, { dataDir: dataDir(), ...options }));
  };
  /** The database through a proxy the test can cut. */
  const cuttableDatabaseUrl = async () => {
    const url = new URL(process.env.TEST_DATABASE_URL!);
    proxy = await startCuttableProxy({ host: url.hostname, port: Number(url.port || 5432) });
    url.host = `127.0.0.1:${proxy.port}`;
    return url.toString();
  };

  before(async function () {
    db = openTestDb();
    adapters = createPostgresAdapters(db);
    await adapters.petitionOffice.setRoute({
      category: 'public-facilities',
      district: J,
      department: 'urban-management',
      updatedBy: 'po-sup',
    });
  });
  afterEach(async function () {
    for (const running of workers.splice(0)) await stopWorkerProcess(running);
    await proxy?.close();
    proxy = undefined;
    await env?.teardown();
    env = undefined;
    for (const dir of dataDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
    await unloadFixedYears(db);
  });
  after(async function () {
    await db?.destroy();
  });

  /** The district finance ledger's rows for a case, as `key → fen`, counted in its own table. */
  const ledgerOf = async (caseId: string) =>
    Object.fromEntries(
      (await db('district_finance.ledger').where({ case_id: caseId })).map(
        (row: { idempotency_key: string; amount_fen: string }) => [
          row.idempotency_key,
          Number(row.amount_fen),
        ],
      ),
    );

  /**
   * Walks the server's clock a day at a time from a consultation's receipt, noting each rung when it comes (see
   * petition.test.ts); `betweenDays` runs after each day's reading.
   */
  async function climbLadder(
    server: TestWorkflowEnvironment,
    c: PetitionDriver,
    betweenDays: (day: number) => Promise<void>,
  ): Promise<string[]> {
    const first = await c.waitForStage('awaiting-acceptance', 60_000, (s) => !!s.openTask?.dueAt);
    const rungs = [watchOf(first, first.openTask!.dueAt)];
    for (let day = 0; day < 40 && rungs.length < 5; day += 1) {
      await server.sleep('1 day');
      const state = await c.waitForStage('awaiting-acceptance', 60_000, (s) => !s.workingOn);
      const task = state.openTask!;
      if (task.escalationRung > rungs.length - 1) {
        assert.equal(task.escalationRung, rungs.length, 'no rung is skipped');
        rungs.push(watchOf(state, task.dueAt));
      }
      await betweenDays(day);
    }
    return rungs;
  }

  /** The task board's row for the case: what the departments' lists show, apart from the workflow's state. */
  const boardRowOf = async (caseId: string) => {
    const row = await db('onething.tasks').where({ case_id: caseId, status: 'open' }).first();
    return `${row.department}/${row.escalation_rung}/${(row.due_at as Date).toISOString()}`;
  };

  it('PostgreSQL cut while the childcare subsidy is booked: paid once after the restore, and registered', async function () {
    env = await startDevServer();
    const taskQueue = uniqueTaskQueue('pg-childcare');
    await worker(env, { taskQueue, databaseUrl: await cuttableDatabaseUrl() });
    const { driver: c } = await startApplication(env, adapters, taskQueue);
    // The finance approval is recorded; its payment then waits on the locked ledgers, and the cut lands on it.
    const lock = await lockLedgers(db);
    try {
      await approveThrough(c);
      await lock.bookingsWaiting(1);
    } catch (error) {
      await lock.release();
      throw error;
    }
    const restoredAt = await outage(proxy!, OUTAGE_MS, () => lock.release());
    await c.waitForStage('registered', 120_000, (s) => !s.workingOn);
    assert.deepEqual(await ledgerOf(c.caseId), { [`${c.caseId}:construction-subsidy`]: 30_000_000 });
    const { history } = await fetchLiveHistory(env.client, c.caseId);
    assert.ok(
      retriedActivities(history).some(
        (a) =>
          a.activityType === 'payChildcareSubsidy' &&
          a.lastFailure === 'failure' &&
          a.completedAt !== undefined &&
          a.completedAt >= restoredAt,
      ),
      'the payment failed in the cut and succeeded after it',
    );
  });

  it('PostgreSQL cut while a petition’s rungs are told: each rung still once, on its day', async function () {
    env = await startTimeSkippingServer();
    const server = env;
    const taskQueue = uniqueTaskQueue('pg-ladder');
    await loadFixedYear(adapters);
    await worker(server, { taskQueue, databaseUrl: await cuttableDatabaseUrl() });
    await sleepUntil(server, tenInTheMorning(LADDER_RECEIVED_ON));
    const c = await startPetition(server, adapters, taskQueue, { kind: 'consultation' });
    let outages = 0;
    // Cut over the nights on which the second rung (24 September) and the press (9 October) come: the readings of
    // days 4 and 18 fall on 23 September and, one day later for the first cut, 8 October.
    const rungs = await climbLadder(server, c, async (day) => {
      if (day !== 4 && day !== 18) return;
      proxy!.cut();
      outages += 1;
      await server.sleep('1 day');
      await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS));
      proxy!.restore();
    });
    assert.equal(outages, 2);
    assert.deepEqual(rungs, CONSULTATION_LADDER_FROM_18_SEPTEMBER_2037);
    // The task board, written through the cut database, shows the last rung with its deadline: none lost there.
    const [, lastDue] = CONSULTATION_LADDER_FROM_18_SEPTEMBER_2037.at(-1)!.split(' until ');
    assert.equal(await boardRowOf(c.caseId), `urban-management/4/${lastDue}`);
    const { history } = await fetchLiveHistory(server.client, c.caseId);
    assert.ok(retriedAttempts(history) > 0, 'activities failed in the cuts and were retried');
  });
});
