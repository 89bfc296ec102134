/**
 * `npm run audit` as an auditor runs it, against live cases on the real dev server and the real ledgers:
 * export, replay (files over two processes, and live by query), an HTML timeline, and reconcile's exit codes.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { createPostgresAdapters } from '../../activities/adapters';
import type { Db } from '../../activities/db/connection';
import { GAS_RETROFIT_LEDGERS } from '../../processes/gas-retrofit/workflow/audit-profile';
import { PROJECT_ROOT } from '../../platform/config';
import { openTestDb } from '../helpers/database';
import {
  runTestWorker,
  startDevServer,
  TEST_PAYLOAD_KEYS_SPEC,
  uniqueTaskQueue,
  type RunningTestWorker,
} from '../helpers/temporal';
import { HISTORIES_DIR } from '../replay/corpus';
import { runClosedCase } from '../workflows/gas-retrofit-helpers';

describe('npm run audit on live cases (real dev server, real ledgers)', function () {
  this.timeout(180_000);
  let env: TestWorkflowEnvironment;
  let db: Db;
  let worker: RunningTestWorker;
  let out: string;
  const caseIds: string[] = [];

  function audit(...args: string[]) {
    const result = spawnSync(
      process.execPath,
      ['--import', 'tsx', path.join(PROJECT_ROOT, 'audit', 'cli.ts'), ...args],
      {
        cwd: PROJECT_ROOT,
        encoding: 'utf8',
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          TEMPORAL_CONFIG_FILE: path.join(out, 'no-profile.toml'),
          TEMPORAL_ADDRESS: env.address,
          ONETHING_PAYLOAD_KEYS: TEST_PAYLOAD_KEYS_SPEC,
          ONETHING_DATA_DIR: out,
          DATABASE_URL: process.env.TEST_DATABASE_URL,
        },
      },
    );
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  before(async function () {
    env = await startDevServer();
    db = openTestDb();
    const taskQueue = uniqueTaskQueue('audit-live');
    worker = await runTestWorker(env, taskQueue, createPostgresAdapters(db));
    out = mkdtempSync(path.join(os.tmpdir(), 'audit-live-'));
    for (let i = 0; i < 2; i += 1) caseIds.push(await runClosedCase(env, db, taskQueue));
  });
  after(async function () {
    await worker?.stop();
    await env?.teardown();
    await db?.destroy();
    rmSync(out, { recursive: true, force: true });
  });

  const query = () => `WorkflowId IN (${caseIds.map((id) => `'${id}'`).join(', ')})`;

  it('exports by query, and the exported files (with the corpus) replay clean over two processes', function () {
    const exported = audit('export', '--query', query(), '--out', path.join(out, 'evidence'));
    assert.equal(exported.status, 0, exported.stderr);
    const files = readdirSync(path.join(out, 'evidence')).map((f) => path.join(out, 'evidence', f));
    assert.equal(files.length, 2);
    assert.match(exported.stdout, /^[0-9a-f]{64} {2}/m);
    assert.ok(readFileSync(files[0]!, 'utf8').includes('YmluYXJ5L2VuY3J5cHRlZA'), 'exported still encrypted');

    const corpus = readdirSync(HISTORIES_DIR).map((f) => path.join(HISTORIES_DIR, f));
    const replayed = audit('replay', '--jobs', '2', ...files, ...corpus);
    assert.equal(replayed.status, 0, replayed.stdout + replayed.stderr);
    assert.match(replayed.stdout, new RegExp(`${files.length + corpus.length} replayed clean, 0 failed`));
  });

  it('over two processes, a share that could not be read fails the replay instead of passing unreported', function () {
    const corpus = readdirSync(HISTORIES_DIR).map((f) => path.join(HISTORIES_DIR, f));
    // Round-robin: one process replays the first and the third file, the other the missing second.
    const missing = path.join(out, 'missing.json');
    const replayed = audit('replay', '--jobs', '2', corpus[0]!, missing, corpus[1]!);
    assert.equal(replayed.status, 2, replayed.stdout + replayed.stderr);
    assert.match(replayed.stderr, /a replay process reported 0 of its 1 histories/);
    assert.doesNotMatch(replayed.stdout, /replayed clean/);
  });

  it('replays live histories by query', function () {
    const replayed = audit('replay', '--query', query());
    assert.equal(replayed.status, 0, replayed.stdout + replayed.stderr);
    assert.match(replayed.stdout, /2 replayed clean, 0 failed/);
  });

  it('writes an HTML timeline of a live case, decoded with the key and tied to its history', function () {
    const file = path.join(out, 'timeline.html');
    const result = audit('timeline', caseIds[0]!, '--format', 'html', '--out', file);
    assert.equal(result.status, 0, result.stderr);
    const html = readFileSync(file, 'utf8');
    assert.match(html, /history SHA-256 <code>[0-9a-f]{64}<\/code>/);
    assert.match(html, /report-installation/);
    assert.match(html, /fitter-7/);
    assert.match(html, /¥240\.00/);
  });

  it('the retention job refuses a period under 180 days and deletes nothing younger', function () {
    const refused = audit('retention', '--older-than-days', '30');
    assert.equal(refused.status, 2);
    assert.match(refused.stderr, /kept at least 180 days/);
    const kept = audit('retention');
    assert.equal(kept.status, 0, kept.stderr);
    assert.match(kept.stdout, /deleted \d+ audit records older than 180 days/);
  });

  it('reconcile exits 0 on honest ledgers and 1 once a payment is doubled', async function () {
    const honest = audit('reconcile', '--query', query());
    assert.equal(honest.status, 0, honest.stdout + honest.stderr);
    assert.match(honest.stdout, /2 settled cases checked, 48000 fen net in the ledgers, 0 discrepancies/);
    await db(GAS_RETROFIT_LEDGERS.resident).insert({
      idempotency_key: `${caseIds[1]}:double-collection`,
      case_id: caseIds[1],
      district: 'jinshui',
      amount_fen: 4000,
      entry: 'booking',
      reference: 'planted by the audit test',
    });
    const doubled = audit('reconcile', '--query', query());
    assert.equal(doubled.status, 1);
    assert.match(doubled.stdout, new RegExp(`duplicated\\s+${caseIds[1]} resident`));
  });
});
