/**
 * The platform as a user runs it (`npm start` = scripts/platform.ts): real dev server with Web UI, real
 * PostgreSQL, worker and API as separate processes. HTTP → workflow → gas-company activity → rows → API read.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { portAnswers } from '../../activities/db/provide-database';
import { createDb } from '../../activities/db/connection';
import { createScratchDatabase } from '../helpers/database';
import { launchPlatform, PLATFORM_READY, platformEnv as platformEnvOn } from '../helpers/platform';
import { freePort, processesMentioning, type RunningProcess } from '../helpers/processes';
import { checkedFetch } from '../helpers/contract';

let scratchDatabaseUrl = '';
const platformEnv = (dataDir: string, overrides: NodeJS.ProcessEnv = {}) =>
  platformEnvOn(dataDir, scratchDatabaseUrl, overrides);

describe('the platform end to end (npm start)', function () {
  this.timeout(180_000);
  let dataDir: string;
  let platform: RunningProcess | undefined;
  let dropScratch: () => Promise<void>;

  // The platform seeds demo accounts and teams; it gets a database of its own so other suites never see them.
  before(async function () {
    ({ url: scratchDatabaseUrl, drop: dropScratch } = await createScratchDatabase('e2e'));
  });
  after(() => dropScratch?.());

  beforeEach(function () {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'onething-e2e-'));
  });

  afterEach(async function () {
    if (platform && platform.child.exitCode === null) {
      platform.child.kill('SIGINT');
      await platform.exited;
    }
    platform = undefined;
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves the Web UI and the API; the printed curl starts a case that runs, writes rows and reads back; Ctrl-C stops everything', async function () {
    const { env, ports } = await platformEnv(dataDir);
    platform = launchPlatform(env);
    await platform.waitForOutput(PLATFORM_READY, 150_000);

    const output = platform.output();
    assert.match(output, new RegExp(`Temporal Web UI\\s+http://127\\.0\\.0\\.1:${ports.ui}`));
    const [, token] = output.match(/Authorization: Bearer ([A-Za-z0-9._-]+)/) ?? [];
    const [, body] = output.match(/-d '(\{[^']+\})'/) ?? [];
    assert.ok(token && body, 'a token and a curl body are printed');

    // The printed curl line, sent as printed.
    const apiUrl = `http://127.0.0.1:${ports.api}`;
    const started = await checkedFetch(`${apiUrl}/v1/gas-retrofit/households`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body,
    });
    assert.equal(started.status, 201, await started.clone().text());
    const { caseId } = (await started.json()) as { caseId: string };
    const location = started.headers.get('location')!;

    let state: { stage?: string; workflowStatus?: string; booking?: { bookingId: string } } = {};
    for (let attempt = 0; attempt < 100 && state.stage !== 'installation-scheduled'; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      const read = await checkedFetch(`${apiUrl}${location}`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      if (read.ok) state = (await read.json()) as typeof state;
    }
    assert.equal(state.workflowStatus, 'RUNNING');
    assert.equal(state.stage, 'installation-scheduled');

    const db = createDb(scratchDatabaseUrl, { poolMax: 1 });
    try {
      assert.equal((await db('gas_company.eligibility_checks').where({ case_id: caseId })).length, 1);
      assert.equal(
        (await db('onething.cases').where({ case_id: caseId }).first())?.stage,
        'installation-scheduled',
      );
      const booking = await db('installer.bookings').where({ case_id: caseId, status: 'booked' }).first();
      assert.equal(String(booking?.booking_id), state.booking?.bookingId);
    } finally {
      await db.destroy();
    }

    // The case is visible through the Web UI's own server.
    const ui = await fetch(
      `http://127.0.0.1:${ports.ui}/api/v1/namespaces/default/workflows?query=${encodeURIComponent(`WorkflowId = '${caseId}'`)}`,
    );
    assert.equal(ui.status, 200);
    assert.match(await ui.text(), new RegExp(caseId));

    const metrics = await fetch(`http://127.0.0.1:${ports.metrics}/metrics`);
    assert.match(await metrics.text(), /temporal_activity_execution_latency/);

    platform.child.kill('SIGINT');
    assert.equal(await platform.exited, 0);
    for (const port of Object.values(ports)) {
      assert.equal(await portAnswers('127.0.0.1', port), false, `port ${port} is closed`);
    }
    assert.deepEqual(processesMentioning(dataDir), [], 'no process of the platform is left running');
  });

  it('a bad configuration value stops start-up with the variable and the rule', async function () {
    const { env } = await platformEnv(dataDir, { API_PORT: 'eighty' });
    platform = launchPlatform(env);
    assert.equal(await platform.exited, 1);
    assert.match(platform.output(), /API_PORT must be a whole number \(got "eighty"\)/);
  });

  it('an unreachable database stops start-up with a clear message and leaves nothing running', async function () {
    const { env } = await platformEnv(dataDir, {
      DATABASE_URL: `postgres://postgres@127.0.0.1:${await freePort()}/onething`,
    });
    platform = launchPlatform(env);
    assert.equal(await platform.exited, 1);
    assert.match(platform.output(), /Cannot reach PostgreSQL at 127\.0\.0\.1:\d+ \(ECONNREFUSED\)/);
    assert.deepEqual(processesMentioning(dataDir), []);
  });
});
