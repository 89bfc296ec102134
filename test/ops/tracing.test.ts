import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { createPostgresAdapters } from '../../activities/adapters';
import { createDb, type Db } from '../../activities/db/connection';
import { migrateToLatest } from '../../activities/db/migrate';
import { bearer } from '../helpers/api';
import { createScratchDatabase, uniqueAccountRef } from '../helpers/database';
import { householdRequest } from '../helpers/household-request';
import { startOtlpReceiver, type OtlpReceiver, type ReceivedSpan } from '../helpers/otlp-receiver';
import type { RunningProcess } from '../helpers/processes';
import { startDevServer, uniqueTaskQueue } from '../helpers/temporal';
import {
  startApiProcess,
  startWorkerProcess,
  stopApiProcess,
  stopWorkerProcess,
} from '../helpers/platform-processes';

const district = 'zhongyuan';
const CONTACT = { name: '赵桂兰', phone: '13655556666', address: '中原区示例街 12 号 3 单元' };
const SERVER = 2;

describe('operations: one trace from a clerk’s request to the department’s table (real processes, OTLP)', function () {
  this.timeout(180_000);
  let env: TestWorkflowEnvironment;
  let receiver: OtlpReceiver;
  let db: Db;
  let drop: () => Promise<void>;
  let worker: RunningProcess | undefined;
  let api: RunningProcess | undefined;
  let apiUrl: string;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'onething-tracing-'));

  before(async function () {
    const scratch = await createScratchDatabase('tracing');
    drop = scratch.drop;
    db = createDb(scratch.url, { poolMax: 2 });
    await migrateToLatest(db);
    env = await startDevServer();
    receiver = await startOtlpReceiver();
    const taskQueue = uniqueTaskQueue('tracing');
    const tracing = {
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
      // Sent within a fifth of a second rather than the SDK's five seconds: the test waits for them.
      OTEL_BSP_SCHEDULE_DELAY: '200',
    };
    worker = await startWorkerProcess(env, { taskQueue, dataDir, databaseUrl: scratch.url, env: tracing });
    ({ api, url: apiUrl } = await startApiProcess(env, {
      taskQueue,
      dataDir,
      databaseUrl: scratch.url,
      env: tracing,
    }));
  });

  after(async function () {
    await stopApiProcess(api);
    await stopWorkerProcess(worker);
    receiver?.close();
    await env?.teardown();
    await db?.destroy();
    await drop?.();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Waits until the receiver holds a span that `matches`, and returns it. */
  async function spanWhere(matches: (span: ReceivedSpan) => boolean): Promise<ReceivedSpan> {
    for (let i = 0; i < 150; i += 1) {
      const found = receiver.spans.find(matches);
      if (found) return found;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`no such span among ${receiver.spans.map((s) => `${s.service}:${s.name}`).join(', ')}`);
  }

  it('a clerk starting a household case: API → Temporal client → workflow → activity → SQL, each the parent of the next', async function () {
    // A closed gas account: the eligibility check refuses it and the case ends, so its workflow span ends too.
    const accountRef = uniqueAccountRef('TR');
    await createPostgresAdapters(db).gasCompany.upsertAccounts([
      { accountRef, district, userType: 'residential-pipeline', status: 'closed' },
    ]);
    const auth = await bearer({ sub: 'clerk-zy', dept: 'gas-company', district, roles: ['clerk'] });
    const started = await fetch(`${apiUrl}/v1/gas-retrofit/households`, {
      method: 'POST',
      headers: { Authorization: auth, 'Content-Type': 'application/json' },
      body: JSON.stringify(householdRequest(district, accountRef, CONTACT)),
    });
    const body = await started.text();
    assert.equal(started.status, 201, body);
    const { caseId } = JSON.parse(body) as { caseId: string };

    const request = await spanWhere(
      (s) =>
        s.service === 'onething-api' && s.kind === SERVER && s.name === 'POST /v1/gas-retrofit/households',
    );
    assert.equal(request.attributes['http.route'], '/v1/gas-retrofit/households');
    const inTrace = (name: RegExp, parent: ReceivedSpan) =>
      spanWhere(
        (s) => s.traceId === request.traceId && name.test(s.name) && s.parentSpanId === parent.spanId,
      );
    const clientCall = await inTrace(/^StartWorkflow:/, request);
    assert.equal(clientCall.attributes.temporalWorkflowId, caseId);
    const workflow = await inTrace(/^RunWorkflow:/, clientCall);
    assert.equal(workflow.service, 'onething-worker');
    const scheduled = await inTrace(/^StartActivity:/, workflow);
    const activity = await inTrace(/^RunActivity:/, scheduled);
    const sql = await spanWhere(
      (s) => s.parentSpanId === activity.spanId && s.attributes['db.system'] === 'postgresql',
    );
    assert.equal(sql.traceId, request.traceId);
    // The statement as written: its values went as bind parameters and are not in the span.
    assert.match(String(sql.attributes['db.statement']), /\$1\b/);

    // Nothing about the resident leaves in a span, nor the raw URL, the caller's address or agent.
    const exported = JSON.stringify(receiver.spans);
    for (const value of Object.values(CONTACT))
      assert.ok(!exported.includes(value), 'a contact detail in a span');
    for (const key of ['http.target', 'http.url', 'net.peer.ip', 'http.user_agent', 'http.client_ip']) {
      assert.ok(
        receiver.spans.every((s) => !(key in s.attributes)),
        `${key} in a span`,
      );
    }
  });

  it('a clerk’s decision on a running case: the request, the update it sent, and the workflow handling it, in one trace', async function () {
    const accountRef = uniqueAccountRef('TR');
    await createPostgresAdapters(db).gasCompany.upsertAccounts([
      { accountRef, district, userType: 'residential-pipeline', status: 'active' },
    ]);
    const auth = await bearer({ sub: 'clerk-zy', dept: 'gas-company', district, roles: ['clerk'] });
    const call = (method: string, url: string, body?: object) =>
      fetch(`${apiUrl}${url}`, {
        method,
        headers: { Authorization: auth, 'Content-Type': 'application/json' },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
    const started = await call(
      'POST',
      '/v1/gas-retrofit/households',
      householdRequest(district, accountRef, CONTACT),
    );
    const url = started.headers.get('location')!;
    for (let i = 0; i < 100; i += 1) {
      const read = (await (await call('GET', url)).json()) as { stage: string; workingOn?: string };
      if (['scheduling', 'installation-scheduled'].includes(read.stage) && !read.workingOn) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const cancelled = await call('POST', `${url}/actions/cancel`, { reason: 'resident-withdrew' });
    assert.equal(cancelled.status, 200, await cancelled.clone().text());

    const request = await spanWhere(
      (s) => s.kind === SERVER && s.name === 'POST /v1/gas-retrofit/households/{caseId}/actions/cancel',
    );
    const update = await spanWhere(
      (s) => s.parentSpanId === request.spanId && s.name.startsWith('StartWorkflowUpdate'),
    );
    const handled = await spanWhere(
      (s) => s.parentSpanId === update.spanId && s.name.startsWith('HandleUpdate'),
    );
    assert.equal(handled.service, 'onething-worker');
    assert.equal(handled.traceId, request.traceId);
  });
});
