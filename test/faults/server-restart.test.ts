/**
 * The Temporal dev server (persisting to SQLite) stopped and started again while cases are in flight — some
 * waiting for a person's acceptance, others with their payments running (held on the locked ledgers until they
 * are provably waiting in PostgreSQL, then let through while the server is down, so the worker cannot report
 * them). The worker and clients reconnect, and every case completes from where it stood, each party paid once.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { portAnswers } from '../../activities/db/provide-database';
import { decoderFor } from '../../audit/decode';
import { fetchLiveHistory } from '../../audit/histories';
import { reconcile } from '../../audit/reconcile';
import type { Db } from '../../activities/db/connection';
import { temporalCliPath } from '../../scripts/lib/temporal-binaries';
import { AesGcmPayloadCodec } from '../../platform/codec/payload-codec';
import { ensureSearchAttributes } from '../../platform/search-attributes';
import { openTestDb } from '../helpers/database';
import { lockLedgers } from '../helpers/ledger-lock';
import { assertPaidOnce } from '../helpers/ledgers';
import { freePort, runProcess, type RunningProcess } from '../helpers/processes';
import { retrying } from '../helpers/retry';
import { TEST_PAYLOAD_KEYS, testDataConverter, uniqueTaskQueue } from '../helpers/temporal';
import { startWorkerProcess, stopWorkerProcess } from '../helpers/platform-processes';
import { actors, startCase, type CaseDriver } from '../workflows/gas-retrofit-helpers';

async function waitForPort(port: number, answers: boolean): Promise<void> {
  for (let i = 0; i < 300; i += 1) {
    if ((await portAnswers('127.0.0.1', port)) === answers) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`port ${port} did not ${answers ? 'open' : 'close'}`);
}

/** Retries a call while the server is coming back (the first calls after a restart may find it not ready). */
const patiently = <T>(call: () => Promise<T>) => retrying(call, { attempts: 30, delayMs: 500 });

describe('faults: the Temporal server restarted with cases in flight', function () {
  this.timeout(240_000);
  let dir: string;
  let port: number;
  let server: RunningProcess | undefined;
  let worker: RunningProcess | undefined;
  let client: Client;
  let db: Db;

  const startServer = async () => {
    server = runProcess(
      temporalCliPath(),
      [
        'server',
        'start-dev',
        '--ip',
        '127.0.0.1',
        '--port',
        String(port),
        '--headless',
        '--log-level',
        'error',
        '--db-filename',
        path.join(dir, 'temporal.sqlite'),
      ],
      { PATH: process.env.PATH, HOME: process.env.HOME },
      dir,
    );
    await waitForPort(port, true);
  };

  before(async function () {
    dir = mkdtempSync(path.join(os.tmpdir(), 'onething-restart-'));
    port = await freePort();
    await startServer();
    const connection = await Connection.connect({ address: `127.0.0.1:${port}` });
    client = new Client({ connection, namespace: 'default', dataConverter: testDataConverter() });
    await patiently(() => ensureSearchAttributes(client, 'default'));
    db = openTestDb();
  });
  after(async function () {
    await stopWorkerProcess(worker);
    server?.child.kill('SIGTERM');
    await server?.exited;
    await client?.connection.close();
    await db?.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('cases waiting for a person, and cases whose payments are running, all complete after a restart', async function () {
    const taskQueue = uniqueTaskQueue('restart');
    worker = await startWorkerProcess({ address: `127.0.0.1:${port}` }, { taskQueue, dataDir: dir });
    const cases: CaseDriver[] = await Promise.all(
      [1, 2, 3, 4, 5, 6].map(() => startCase({ client }, db, taskQueue)),
    );
    for (const c of cases) {
      await c.waitForStage('installation-scheduled', 60_000);
      await c.act('report-installation', {
        actor: actors.installer('jinshui'),
        serials: { valve: 'V', hose: 'H' },
      });
    }
    const paying = cases.slice(0, 3);
    const waiting = cases.slice(3);

    const lock = await lockLedgers(db);
    try {
      for (const c of paying) await c.act('acceptance', { actor: actors.clerk('jinshui'), result: 'pass' });
      await lock.bookingsWaiting(paying.length);
      server!.child.kill('SIGTERM');
      await server!.exited;
      await waitForPort(port, false);
    } finally {
      // The bookings commit while the server is down; the worker cannot report them until it is back.
      await lock.release();
    }
    await startServer();

    for (const c of waiting) {
      await patiently(() => c.act('acceptance', { actor: actors.clerk('jinshui'), result: 'pass' }));
    }
    const results = await Promise.all(cases.map((c) => c.handle.result()));
    assert.deepEqual(
      results.map((r) => r.stage),
      cases.map(() => 'closed'),
    );
    await assertPaidOnce(
      db,
      cases.map((c) => c.caseId),
    );
    const evidence = await Promise.all(cases.map((c) => fetchLiveHistory(client, c.caseId)));
    const report = await reconcile(evidence, decoderFor(new AesGcmPayloadCodec(TEST_PAYLOAD_KEYS)), db);
    assert.deepEqual(report.unfinished, []);
    assert.deepEqual(report.discrepancies, []);
    assert.equal(report.settledFen, 6 * 24_000);
  });
});
