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
import { PROJECT_ROOT } from '../../workers/config';
import { createScratchDatabase } from '../helpers/database';
import { freePort, processesMentioning, runProcess, type RunningProcess } from '../helpers/processes';

const LAUNCHER = [
  process.execPath,
  ['--import', 'tsx', path.join(PROJECT_ROOT, 'scripts', 'platform.ts')],
] as const;

async function platformEnv(dataDir: string, overrides: NodeJS.ProcessEnv = {}) {
  const ports = {
    temporal: await freePort(),
    ui: await freePort(),
    api: await freePort(),
    metrics: await freePort(),
  };
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    TEMPORAL_CONFIG_FILE: path.join(dataDir, 'no-temporal-profile.toml'),
    TEMPORAL_ADDRESS: `127.0.0.1:${ports.temporal}`,
    TEMPORAL_UI_PORT: String(ports.ui),
    API_PORT: String(ports.api),
    WORKER_METRICS_PORT: String(ports.metrics),
    ONETHING_DATA_DIR: dataDir,
    DATABASE_URL: scratchDatabaseUrl,
    LOG_LEVEL: 'info',
    ...overrides,
  };
  return { env, ports };
}

let scratchDatabaseUrl = '';

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
    platform = runProcess(LAUNCHER[0], [...LAUNCHER[1]], env, PROJECT_ROOT);
    await platform.waitForOutput(/Press Ctrl-C to stop everything/, 150_000);

    const output = platform.output();
    assert.match(output, new RegExp(`Temporal Web UI\\s+http://127\\.0\\.0\\.1:${ports.ui}`));
    const [, token] = output.match(/Authorization: Bearer ([A-Za-z0-9._-]+)/) ?? [];
    const [, body] = output.match(/-d '(\{[^']+\})'/) ?? [];
    assert.ok(token && body, 'a token and a curl body are printed');

    // The printed curl line, sent as printed.
    const apiUrl = `http://127.0.0.1:${ports.api}`;
    const started = await fetch(`${apiUrl}/v1/gas-retrofit/households`, {
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
      const read = await fetch(`${apiUrl}${location}`, { headers: { Authorization: `Bearer ${token}` } });
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
    platform = runProcess(LAUNCHER[0], [...LAUNCHER[1]], env, PROJECT_ROOT);
    assert.equal(await platform.exited, 1);
    assert.match(platform.output(), /API_PORT must be a whole number \(got "eighty"\)/);
  });

  it('an unreachable database stops start-up with a clear message and leaves nothing running', async function () {
    const { env } = await platformEnv(dataDir, {
      DATABASE_URL: `postgres://postgres@127.0.0.1:${await freePort()}/onething`,
    });
    platform = runProcess(LAUNCHER[0], [...LAUNCHER[1]], env, PROJECT_ROOT);
    assert.equal(await platform.exited, 1);
    assert.match(platform.output(), /Cannot reach PostgreSQL at 127\.0\.0\.1:\d+ \(ECONNREFUSED\)/);
    assert.deepEqual(processesMentioning(dataDir), []);
  });
});
