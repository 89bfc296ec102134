/**
 * `npm run test:chaos` only (minutes, not seconds): department systems that do the work and then stop answering
 * on 30% of calls, past the activity's start-to-close timeout. Each such activity times out and is retried; the
 * retry finds the work done (idempotency key) and carries on. Every case closes; nothing is paid twice.
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
import { startDevServer, TEST_PAYLOAD_KEYS, uniqueTaskQueue } from '../helpers/temporal';
import { startWorkerProcess, stopWorkerProcess } from '../helpers/worker-process';
import { runClosedCase } from '../workflows/gas-retrofit-helpers';

const CASES = Number(process.env.CHAOS_TIMEOUT_CASES ?? 4);

describe('chaos: department systems hanging past the activity timeout on 30% of calls', function () {
  this.timeout(15 * 60_000);
  let env: TestWorkflowEnvironment;
  let db: Db;
  let worker: RunningProcess | undefined;
  let dataDir: string;

  before(async function () {
    env = await startDevServer();
    db = openTestDb();
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'onething-hang-'));
  });
  after(async function () {
    await stopWorkerProcess(worker);
    await env?.teardown();
    await db?.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('every case closes; each party is paid once', async function () {
    const taskQueue = uniqueTaskQueue('hang');
    worker = await startWorkerProcess(env, {
      taskQueue,
      dataDir,
      fault: 'hang:0.3:gasCompany,cityFinance,districtFinance',
    });
    const cases = await Promise.all(
      Array.from({ length: CASES }, () => runClosedCase(env, db, taskQueue, 10 * 60_000)),
    );
    const evidence = await Promise.all(cases.map((caseId) => fetchLiveHistory(env.client, caseId)));
    const timedOut = evidence.reduce((sum, e) => sum + retriedAttempts(e.history), 0);
    const report = await reconcile(evidence, decoderFor(new AesGcmPayloadCodec(TEST_PAYLOAD_KEYS)), db);
    console.log(
      `      ${CASES} cases, ${timedOut} activity attempts timed out and retried, ${report.discrepancies.length} discrepancies`,
    );
    assert.ok(timedOut >= 1, 'some calls hung');
    assert.deepEqual(report.discrepancies, []);
    assert.equal(report.settledFen, CASES * 24_000);
  });
});
