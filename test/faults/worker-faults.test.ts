/**
 * At-least-once activities, exactly-once effects: the real worker process killed right after a ledger commit,
 * and department adapters failing on 30% of calls (half of those after the database did the work). Every case
 * completes; every party is paid exactly once; the audit tool's reconciliation finds nothing.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Db } from '../../activities/db/connection';
import { decoderFor } from '../../audit/decode';
import { fetchLiveHistory } from '../../audit/histories';
import { reconcile } from '../../audit/reconcile';
import { AesGcmPayloadCodec } from '../../platform/codec/payload-codec';
import { openTestDb } from '../helpers/database';
import { retriedActivities, retriedAttempts } from '../helpers/history';
import { assertPaidOnce } from '../helpers/ledgers';
import type { RunningProcess } from '../helpers/processes';
import { startDevServer, TEST_PAYLOAD_KEYS, uniqueTaskQueue } from '../helpers/temporal';
import { startWorkerProcess, stopWorkerProcess } from '../helpers/platform-processes';
import { incidentsOf, runClosedCase, runClosedCaseWithState } from '../workflows/gas-retrofit-helpers';
import { approveThrough, startApplication } from '../workflows/childcare-helpers';
import { createPostgresAdapters } from '../../activities/adapters';

/**
 * Every department but the installer's booking system, whose retries are deliberately slow (30 s and doubling:
 * it mostly waits for capacity), which would make a 30% failure rate a test of patience rather than of safety.
 */
const FLAKY_ADAPTERS = 'gasCompany,cityFinance,districtFinance,caseRegistry,caseProgress,taskBoard,auditLog';

describe('faults: the worker killed after a commit, adapters failing 30% of the time', function () {
  this.timeout(240_000);
  let env: TestWorkflowEnvironment;
  let db: Db;
  let dataDir: string;
  const workers: RunningProcess[] = [];

  before(async function () {
    env = await startDevServer();
    db = openTestDb();
  });
  beforeEach(function () {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'onething-faults-'));
  });
  afterEach(async function () {
    for (const worker of workers.splice(0)) await stopWorkerProcess(worker);
    rmSync(dataDir, { recursive: true, force: true });
  });
  after(async function () {
    await env?.teardown();
    await db?.destroy();
  });

  it('SIGKILL right after the first ledger commit: one row per party, and the case completes', async function () {
    const taskQueue = uniqueTaskQueue('kill');
    const doomed = await startWorkerProcess(env, { taskQueue, dataDir, fault: 'kill-after-commit' });
    workers.push(doomed);
    const closing = runClosedCase(env, db, taskQueue);
    await doomed.exited;
    assert.equal(doomed.child.signalCode, 'SIGKILL');
    assert.ok(existsSync(path.join(dataDir, 'fault-kill-after-commit.fired')));

    // The booking committed; the activity never reported. A new worker picks the case up where it stood.
    workers.push(await startWorkerProcess(env, { taskQueue, dataDir }));
    const caseId = await closing;
    await assertPaidOnce(db, [caseId]);
    const history = (await fetchLiveHistory(env.client, caseId)).history;
    assert.ok(
      retriedActivities(history).some((a) => a.activityType === 'bookSettlementShare'),
      'the booking that committed before the kill was run again, and found its row',
    );
  });

  it('SIGKILL right after the childcare subsidy is booked: one payment, and the provider registered', async function () {
    const taskQueue = uniqueTaskQueue('kill-childcare');
    const doomed = await startWorkerProcess(env, {
      taskQueue,
      dataDir,
      fault: 'kill-after-commit:districtFinance',
    });
    workers.push(doomed);
    const { driver } = await startApplication(env, createPostgresAdapters(db), taskQueue);
    await approveThrough(driver);
    await doomed.exited;
    assert.equal(doomed.child.signalCode, 'SIGKILL');
    assert.ok(existsSync(path.join(dataDir, 'fault-kill-after-commit.fired')));

    workers.push(await startWorkerProcess(env, { taskQueue, dataDir }));
    const registered = await driver.waitForStage('registered', 60_000);
    // Counted in the departments' own tables, not in what the case says of itself.
    const paid = await db('district_finance.ledger').where({ case_id: driver.caseId });
    assert.deepEqual(
      paid.map((row: { amount_fen: string }) => Number(row.amount_fen)),
      [registered.payment!.amountFen],
    );
    assert.equal(
      (await db('health_commission.childcare_registry').where({ case_id: driver.caseId })).length,
      1,
    );
    const history = (await fetchLiveHistory(env.client, driver.caseId)).history;
    assert.ok(
      retriedActivities(history).some((a) => a.activityType === 'payChildcareSubsidy'),
      'the payment that committed before the kill was run again, and found its row',
    );
  });

  it('30% of adapter calls fail (half after committing): every case completes, nothing is paid twice', async function () {
    const taskQueue = uniqueTaskQueue('flaky');
    workers.push(await startWorkerProcess(env, { taskQueue, dataDir, fault: `flaky:0.3:${FLAKY_ADAPTERS}` }));
    // Faults strike an activity's first five attempts (FAULTY_ATTEMPTS), so one waits at most 31 s of backoff;
    // a case reaches its booking after two such activities (the eligibility check, then telling its progress).
    const closed = await Promise.all(
      Array.from({ length: 8 }, () => runClosedCaseWithState(env, db, taskQueue, 120_000)),
    );
    const cases = closed.map((state) => state.caseId);
    // A booking gets five attempts: now and then all five fail, and finance retries the payment incident.
    const incidents = closed.reduce((sum, state) => sum + incidentsOf(state), 0);
    const evidence = await Promise.all(cases.map((caseId) => fetchLiveHistory(env.client, caseId)));
    const faults = evidence.reduce((sum, e) => sum + retriedAttempts(e.history), 0);
    assert.ok(faults >= 5, `faults injected and survived: ${faults}`);
    console.log(
      `      ${cases.length} cases, ${faults} failed activity attempts retried, ${incidents} payment incidents ` +
        'retried by finance, 0 duplicates, 0 lost',
    );
    await assertPaidOnce(db, cases);
    const report = await reconcile(evidence, decoderFor(new AesGcmPayloadCodec(TEST_PAYLOAD_KEYS)), db);
    assert.equal(report.casesChecked, 8);
    assert.deepEqual(report.unfinished, []);
    assert.deepEqual(report.discrepancies, []);
    assert.equal(report.settledFen, 8 * 24_000);
  });
});
