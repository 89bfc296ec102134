/**
 * Faults under the newer processes, as the retrofit's suites strike it: PostgreSQL cut while a childcare
 * construction subsidy is booked and while a petition's rungs are told; the worker killed (SIGKILL) right after a
 * quality reward's booking commits and right after a rung reaches the task board. (The worker killed after the
 * construction subsidy commits is in worker-faults.test.ts.) Payments are counted in district finance's own
 * table, and the rungs against dates worked out by hand.
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
import { startWorkerProcess, stopWorkerProcess } from '../helpers/platform-processes';
import { approveThrough, childcareActors, startApplication } from '../workflows/childcare-helpers';
import {
  climbLadder,
  CONSULTATION_LADDER_FROM_18_SEPTEMBER_2037,
  LADDER_RECEIVED_ON,
  startPetition,
} from '../workflows/petition-helpers';

const OUTAGE_MS = 6_000;
const J = 'jinshui' as const;

describe('faults in childcare and petitions: PostgreSQL cut, the worker killed', function () {
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
    options: {
      taskQueue: string;
      databaseUrl?: string;
      fault?: string;
      dataDir?: string;
      maxCachedWorkflows?: number;
    },
  ) => {
    workers.push(await startWorkerProcess(server, { dataDir: options.dataDir ?? dataDir(), ...options }));
    return workers.at(-1)!;
  };
  /**
   * A worker that dies of `fault`; the moment it does, a healthy one takes its queue (the same data folder, so the
   * fault does not strike twice), as an orchestrator restarts a lost worker. It keeps no runs between tasks: the
   * time-skipping server never moves a task off a dead worker's sticky queue (seen: a run's next task scheduled there
   * and left for minutes), where the real server does after a few seconds (worker-faults.test.ts, on the dev server).
   */
  const doomedWorker = async (server: TestWorkflowEnvironment, taskQueue: string, fault: string) => {
    const folder = dataDir();
    const doomed = await worker(server, { taskQueue, fault, dataDir: folder, maxCachedWorkflows: 0 });
    const replaced = doomed.exited.then(async () => {
      assert.equal(doomed.child.signalCode, 'SIGKILL');
      await worker(server, { taskQueue, dataDir: folder });
    });
    return { doomed, replaced };
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

  it('the worker killed right after a quality reward is booked: the reward paid once, the grade kept once', async function () {
    env = await startTimeSkippingServer();
    const server = env;
    const taskQueue = uniqueTaskQueue('kill-reward');
    // District finance books the construction subsidy first, the reward second: the worker dies after the second.
    const { doomed, replaced } = await doomedWorker(server, taskQueue, 'kill-after-commit:districtFinance:2');
    const { driver: c } = await startApplication(server, adapters, taskQueue);
    await approveThrough(c);
    await c.waitForStage('registered', 60_000, (s) => !s.workingOn);
    await server.sleep('366 days');
    await c.waitForStage('registered', 60_000, (s) => s.openTask?.kind === 'quality-evaluation');
    const { runId } = await c.handle.describe();
    await c.record('quality-evaluation', { actor: childcareActors.supervisor(J), grade: 'A' });
    await doomed.exited;
    await replaced;
    // The booking's activity never reported; once its timeout passes it runs again, and the year's run ends.
    const next = await c.waitForStage(
      'registered',
      120_000,
      (s) => (s.quality?.evaluations.length ?? 0) === 1 && !s.workingOn,
    );
    const year = next.quality!.evaluations[0]!.year;
    assert.deepEqual(await ledgerOf(c.caseId), {
      [`${c.caseId}:construction-subsidy`]: 30_000_000,
      [`${c.caseId}:quality-reward:${year}`]: 5_000_000,
    });
    assert.equal((await db('health_commission.quality_evaluations').where({ case_id: c.caseId })).length, 1);
    const yearsRun = await server.client.workflow.getHandle(c.caseId, runId).fetchHistory();
    assert.ok(
      retriedActivities(yearsRun).some((a) => a.activityType === 'payQualityReward'),
      'the reward booked before the kill was asked for again, and found its row',
    );
  });

  it('the worker killed right after a rung reaches the task board: each rung still once, on its day', async function () {
    env = await startTimeSkippingServer();
    const server = env;
    const taskQueue = uniqueTaskQueue('kill-ladder');
    await loadFixedYear(adapters);
    // The case tells its progress (registry and task board) at its start, its routing, then at each rung: the
    // third telling is the first rung's.
    const { doomed, replaced } = await doomedWorker(
      server,
      taskQueue,
      'kill-after-call:caseProgress.record:3',
    );
    await sleepUntil(server, tenInTheMorning(LADDER_RECEIVED_ON));
    const c = await startPetition(server, adapters, taskQueue, { kind: 'consultation' });
    let killedBy: number | undefined;
    const rungs = await climbLadder(server, c, async (day) => {
      if (doomed.child.signalCode === null) return;
      killedBy ??= day;
      await replaced;
    });
    assert.equal(killedBy, 2, 'the worker died telling the first rung, the night after the 20th’s close');
    assert.deepEqual(rungs, CONSULTATION_LADDER_FROM_18_SEPTEMBER_2037);
    const [, lastDue] = CONSULTATION_LADDER_FROM_18_SEPTEMBER_2037.at(-1)!.split(' until ');
    assert.equal(await boardRowOf(c.caseId), `urban-management/4/${lastDue}`);
    const { history } = await fetchLiveHistory(server.client, c.caseId);
    assert.ok(retriedAttempts(history) > 0, 'the telling cut short by the kill was made again');
  });
});
