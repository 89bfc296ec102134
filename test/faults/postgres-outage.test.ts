/**
 * PostgreSQL goes away (every connection dropped, new ones refused) twice while cases run — while installer
 * slots are booked, and while the payments are being booked — and comes back. For the second outage the ledgers
 * are held locked until the payments are provably waiting inside PostgreSQL, so the cut lands on them. Activities
 * retry with backoff; every case completes; each party is paid exactly once.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
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
import { lockLedgers } from '../helpers/ledger-lock';
import { assertPaidOnce } from '../helpers/ledgers';
import type { RunningProcess } from '../helpers/processes';
import { outage, startCuttableProxy, type CuttableProxy } from '../helpers/tcp-proxy';
import { startDevServer, TEST_PAYLOAD_KEYS, uniqueTaskQueue } from '../helpers/temporal';
import { startWorkerProcess, stopWorkerProcess } from '../helpers/platform-processes';
import { actors, startCase } from '../workflows/gas-retrofit-helpers';

const OUTAGE_MS = 6_000;

describe('faults: PostgreSQL unavailable for a while', function () {
  this.timeout(300_000);
  let env: TestWorkflowEnvironment;
  let db: Db;
  let proxy: CuttableProxy;
  let worker: RunningProcess | undefined;
  let dataDir: string;
  let taskQueue: string;

  before(async function () {
    env = await startDevServer();
    db = openTestDb();
    const url = new URL(process.env.TEST_DATABASE_URL!);
    proxy = await startCuttableProxy({ host: url.hostname, port: Number(url.port || 5432) });
    url.host = `127.0.0.1:${proxy.port}`;
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'onething-pg-outage-'));
    worker = await startWorkerProcess(env, {
      taskQueue: (taskQueue = uniqueTaskQueue('pg-outage')),
      dataDir,
      databaseUrl: url.toString(),
    });
  });
  after(async function () {
    await stopWorkerProcess(worker);
    await proxy?.close();
    await env?.teardown();
    await db?.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('cases started and paid during two outages all complete, each party paid once', async function () {
    const cases = await Promise.all([1, 2, 3].map(() => startCase(env, db, taskQueue)));
    await outage(proxy, OUTAGE_MS); // eligibility and booking hit a database that is not there
    for (const c of cases) await c.waitForStage('installation-scheduled', 150_000);
    for (const c of cases) {
      await c.act('report-installation', {
        actor: actors.installer('jinshui'),
        serials: { valve: 'V', hose: 'H' },
      });
    }
    // Acceptance is recorded; the first payment of each case then waits on the locked ledgers.
    const lock = await lockLedgers(db);
    try {
      for (const c of cases) await c.act('acceptance', { actor: actors.clerk('jinshui'), result: 'pass' });
      await lock.bookingsWaiting(cases.length);
    } catch (error) {
      await lock.release();
      throw error;
    }
    const restoredAt = await outage(proxy, OUTAGE_MS, () => lock.release());

    const results = await Promise.all(cases.map((c) => c.handle.result()));
    assert.deepEqual(
      results.map((r) => r.stage),
      ['closed', 'closed', 'closed'],
    );
    const evidence = await Promise.all(cases.map((c) => fetchLiveHistory(env.client, c.caseId)));
    const retried = evidence.reduce((sum, e) => sum + retriedAttempts(e.history), 0);
    // Each case's first booking was cut mid-flight: it failed, and a later attempt succeeded after the restore.
    for (const e of evidence) {
      const bookings = retriedActivities(e.history).filter((a) => a.activityType === 'bookSettlementShare');
      assert.ok(
        bookings.some(
          (a) => a.lastFailure === 'failure' && a.completedAt !== undefined && a.completedAt >= restoredAt,
        ),
        `${e.workflowId}: a booking failed in the outage and succeeded after it (${JSON.stringify(bookings)})`,
      );
    }
    console.log(
      `      2 outages of ${OUTAGE_MS / 1000} s (the second cutting ${cases.length} bookings in flight), ` +
        `3 cases, ${retried} failed attempts retried, 0 duplicates`,
    );
    await assertPaidOnce(
      db,
      cases.map((c) => c.caseId),
    );
    const report = await reconcile(evidence, decoderFor(new AesGcmPayloadCodec(TEST_PAYLOAD_KEYS)), db);
    assert.deepEqual(report.unfinished, []);
    assert.deepEqual(report.discrepancies, []);
    assert.equal(report.settledFen, 3 * 24_000);
  });
});
