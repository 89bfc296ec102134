/**
 * PostgreSQL goes away (every connection dropped, new ones refused) twice while cases run — during booking and
 * during acceptance — and comes back. Activities retry with backoff; every case completes; nothing is paid twice.
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
import { AesGcmPayloadCodec } from '../../workers/codec/payload-codec';
import { openTestDb } from '../helpers/database';
import { retriedAttempts } from '../helpers/history';
import type { RunningProcess } from '../helpers/processes';
import { startCuttableProxy, type CuttableProxy } from '../helpers/tcp-proxy';
import { startDevServer, TEST_PAYLOAD_KEYS, uniqueTaskQueue } from '../helpers/temporal';
import { startWorkerProcess, stopWorkerProcess } from '../helpers/worker-process';
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

  const outage = async () => {
    proxy.cut();
    await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS));
    proxy.restore();
  };

  it('cases started and decided during two outages all complete, each party paid once', async function () {
    const cases = await Promise.all([1, 2, 3].map(() => startCase(env, db, taskQueue)));
    await outage(); // eligibility and booking hit a database that is not there
    for (const c of cases) await c.waitForStage('installation-scheduled', 150_000);
    for (const c of cases) {
      await c.act('report-installation', {
        actor: actors.installer('jinshui'),
        serials: { valve: 'V', hose: 'H' },
      });
    }
    // Acceptance is recorded, then the four payments run, while the database drops out again.
    const decided = Promise.all(
      cases.map((c) => c.act('acceptance', { actor: actors.clerk('jinshui'), result: 'pass' })),
    );
    await outage();
    await decided;
    const results = await Promise.all(cases.map((c) => c.handle.result()));
    assert.deepEqual(
      results.map((r) => r.stage),
      ['closed', 'closed', 'closed'],
    );
    const evidence = await Promise.all(cases.map((c) => fetchLiveHistory(env.client, c.caseId)));
    const retried = evidence.reduce((sum, e) => sum + retriedAttempts(e.history), 0);
    assert.ok(retried >= 3, `activities retried through the outages: ${retried}`);
    console.log(
      `      2 outages of ${OUTAGE_MS / 1000} s, 3 cases, ${retried} failed attempts retried, 0 duplicates`,
    );
    const report = await reconcile(evidence, decoderFor(new AesGcmPayloadCodec(TEST_PAYLOAD_KEYS)), db);
    assert.deepEqual(report.discrepancies, []);
    assert.equal(report.settledFen, 3 * 24_000);
  });
});
