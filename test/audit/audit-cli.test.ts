/**
 * The auditors' tool on the committed corpus and on live cases: replay (and a tampered history caught),
 * the decision timeline with actors, rules and the four shares, export, and reconciliation against the ledgers
 * with a duplicated, a missing and a tampered row planted.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { createPostgresAdapters } from '../../activities/adapters';
import type { Db } from '../../activities/db/connection';
import { decoderFor } from '../../audit/decode';
import { fetchLiveHistory, loadHistoryFile, sha256Of } from '../../audit/histories';
import { reconcile } from '../../audit/reconcile';
import { GAS_RETROFIT_LEDGERS } from '../../processes/gas-retrofit/workflow/audit-profile';
import { replayAll } from '../../audit/replay';
import { buildTimeline } from '../../audit/timeline';
import { timelineHtml, timelineText } from '../../audit/timeline-format';
import { AesGcmPayloadCodec } from '../../platform/codec/payload-codec';
import { openTestDb } from '../helpers/database';
import {
  runTestWorker,
  startTimeSkippingServer,
  TEST_PAYLOAD_KEYS,
  testDataConverter,
  uniqueTaskQueue,
  type RunningTestWorker,
} from '../helpers/temporal';
import { HISTORIES_DIR, SDK_VERSION } from '../replay/corpus';
import { runClosedCase, startCase } from '../workflows/gas-retrofit-helpers';

const CORPUS_CASE = path.join(
  HISTORIES_DIR,
  'gasRetrofitHousehold_residential-closed-case-attributes_1.24.0.json',
);
/** Turns the first ActivityTaskScheduled event into a TimerStarted one, keeping every event ID. */
function tamperFirstActivity(json: string): string {
  const history = JSON.parse(json) as { events: Array<Record<string, unknown>> };
  const event = history.events.find((e) => e.eventType === 'EVENT_TYPE_ACTIVITY_TASK_SCHEDULED')!;
  const workflowTaskCompletedEventId = (
    event.activityTaskScheduledEventAttributes as { workflowTaskCompletedEventId: string }
  ).workflowTaskCompletedEventId;
  delete event.activityTaskScheduledEventAttributes;
  delete event.userMetadata;
  event.eventType = 'EVENT_TYPE_TIMER_STARTED';
  event.timerStartedEventAttributes = {
    timerId: '99',
    startToFireTimeout: '60s',
    workflowTaskCompletedEventId,
  };
  return JSON.stringify(history);
}

const decode = decoderFor(new AesGcmPayloadCodec(TEST_PAYLOAD_KEYS));
const replaySettings = () => ({ dataConverter: testDataConverter(), workflowBundlePath: undefined });

describe('audit: replay, timeline, export, reconcile', function () {
  this.timeout(120_000);

  describe('on the committed corpus', function () {
    it('replays every history clean, and names the divergence of a tampered one', async function () {
      const clean = loadHistoryFile(CORPUS_CASE);
      const tamperedFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'audit-')), 'tampered.json');
      // A copy whose first activity was rewritten into a timer: the code schedules an activity there.
      writeFileSync(tamperedFile, tamperFirstActivity(readFileSync(CORPUS_CASE, 'utf8')));
      const outcomes = await replayAll([clean, loadHistoryFile(tamperedFile)], replaySettings());
      const bySource = new Map(outcomes.map((o) => [o.source, o]));
      assert.deepEqual(bySource.get(CORPUS_CASE), {
        workflowId: clean.workflowId,
        source: CORPUS_CASE,
        ok: true,
      });
      assert.equal(bySource.get(tamperedFile)?.ok, false);
      assert.match(bySource.get(tamperedFile)!.error!, /DeterminismViolationError.*TimerStarted/);
      rmSync(path.dirname(tamperedFile), { recursive: true, force: true });
    });

    it('a campaign timeline names the rule of each pause and resume, from the campaign’s own rules table', async function () {
      const evidence = loadHistoryFile(
        path.join(HISTORIES_DIR, `gasRetrofitCampaign_paused-resumed_${SDK_VERSION}.json`),
      );
      const timeline = await buildTimeline(evidence, decode);
      const decisions = timeline.entries.filter((e) => e.kind === 'decision');
      assert.deepEqual(
        decisions.map((e) => e.text.split(' ')[0]),
        ['pause', 'resume'],
      );
      for (const decision of decisions) assert.match(decision.rule!, /supervisor of gas-safety-office/);
      assert.equal(timeline.settlement, undefined, 'a campaign settles nothing itself');
    });

    it('a timeline shows the actors of installation and acceptance, their rules, and the four shares', async function () {
      const evidence = loadHistoryFile(CORPUS_CASE);
      const refusal = {
        id: 1,
        at: '2026-11-30T00:51:06.600Z',
        actor: { userId: 'clerk-9', department: 'gas-company', district: 'jinshui', roles: ['clerk'] },
        action: 'decision:report-installation',
        outcome: 'refused',
        reason: '403 forbidden: requires the role installer',
        caseId: evidence.workflowId,
      } as const;
      const timeline = await buildTimeline(evidence, decode, [
        { ...refusal, actor: { ...refusal.actor, roles: [...refusal.actor.roles] } },
      ]);
      const refused = timeline.entries.find((e) => e.kind === 'refused');
      assert.equal(refused?.actor?.userId, 'clerk-9');
      assert.match(refused.text, /decision:report-installation refused: 403 forbidden/);
      assert.equal(timeline.sha256, sha256Of(readFileSync(CORPUS_CASE, 'utf8')));
      const decisions = timeline.entries.filter((e) => e.kind === 'decision');
      const installation = decisions.find((e) => e.text.startsWith('report-installation'))!;
      assert.equal(installation.actor?.userId, 'fitter-7');
      assert.match(installation.rule!, /installer of installer/);
      const acceptances = decisions.filter((e) => e.text.startsWith('acceptance'));
      assert.deepEqual(
        acceptances.map((e) => [e.actor?.userId, /"result":"(\w+)"/.exec(e.text)?.[1]]),
        [
          ['clerk-1', 'fail'],
          ['clerk-1', 'pass'],
        ],
      );
      assert.deepEqual(timeline.settlement?.totals, {
        cityFinance: 8000,
        districtFinance: 4000,
        gasCompany: 8000,
        resident: 4000,
      });
      assert.ok(timeline.entries.some((e) => e.kind === 'deadline' && /met/.test(e.text)));
      const text = timelineText(timeline);
      assert.match(text, new RegExp(`history SHA-256 ${timeline.sha256}`));
      assert.match(text, /cityFinance\s+¥80\.00/);
      const html = timelineHtml(timeline);
      assert.match(html, /^<!doctype html>/);
      assert.ok(!/<script|src=|href=/.test(html), 'self-contained: no scripts, no external assets');
    });
  });

  describe('on live cases (time-skipping server, real ledgers)', function () {
    let env: TestWorkflowEnvironment;
    let db: Db;
    let worker: RunningTestWorker;
    let taskQueue: string;

    before(async function () {
      env = await startTimeSkippingServer();
      db = openTestDb();
      taskQueue = uniqueTaskQueue('audit');
      worker = await runTestWorker(env, taskQueue, createPostgresAdapters(db));
    });
    after(async function () {
      await worker?.stop();
      await env?.teardown();
      await db?.destroy();
    });

    const closedCase = () => runClosedCase(env, db, taskQueue);

    it('exports encrypted evidence, whose timeline decodes with the key', async function () {
      const caseId = await closedCase();
      const evidence = await fetchLiveHistory(env.client, caseId);
      const exported = historyToJSON(evidence.history);
      assert.equal(sha256Of(exported), evidence.sha256);
      assert.ok(exported.includes('YmluYXJ5L2VuY3J5cHRlZA'), 'payloads stay encrypted (binary/encrypted)');
      const timeline = await buildTimeline(evidence, decode);
      assert.equal(timeline.settlement?.totalFen, 24_000);
      assert.ok(timeline.entries.some((e) => e.kind === 'decision' && e.actor?.userId === 'fitter-7'));
    });

    it('reconcile finds nothing on honest ledgers, then a duplicated, a missing and a tampered row', async function () {
      const cases = [await closedCase(), await closedCase(), await closedCase()];
      const evidence = await Promise.all(cases.map((id) => fetchLiveHistory(env.client, id)));
      const honest = await reconcile(evidence, decode, db);
      assert.equal(honest.casesChecked, 3);
      assert.deepEqual(honest.discrepancies, []);
      assert.equal(honest.settledFen, 3 * 24_000);

      const [duplicated, missing, tampered] = cases as [string, string, string];
      await db(GAS_RETROFIT_LEDGERS.cityFinance).insert({
        idempotency_key: `${duplicated}:manual-rebooking`,
        case_id: duplicated,
        district: 'jinshui',
        amount_fen: 8000,
        entry: 'booking',
        reference: 'planted by the audit test',
      });
      await db.transaction(async (trx) => {
        // Ledgers are not append-only by trigger; a planted deletion and edit stand for a tampered department system.
        await trx(GAS_RETROFIT_LEDGERS.districtFinance).where({ case_id: missing }).delete();
        await trx(GAS_RETROFIT_LEDGERS.gasCompany).where({ case_id: tampered }).update({ amount_fen: 7000 });
      });
      const report = await reconcile(evidence, decode, db);
      assert.deepEqual(
        report.discrepancies.map((d) => [d.kind, d.caseId, d.party]),
        [
          ['duplicated', duplicated, 'cityFinance'],
          ['missing', missing, 'districtFinance'],
          ['mismatched', tampered, 'gasCompany'],
        ],
      );
    });

    it('reconcile reports cases that never completed, instead of passing over them', async function () {
      const closed = await closedCase();
      const running = await startCase(env, db, taskQueue);
      const terminated = await startCase(env, db, taskQueue);
      await running.waitForStage('installation-scheduled');
      await terminated.handle.terminate('planted by the audit test');
      const evidence = await Promise.all(
        [closed, running.caseId, terminated.caseId].map((id) => fetchLiveHistory(env.client, id)),
      );
      const report = await reconcile(evidence, decode, db);
      assert.equal(report.casesChecked, 1);
      assert.deepEqual(report.unfinished, [
        { caseId: running.caseId, status: 'running' },
        { caseId: terminated.caseId, status: 'terminated' },
      ]);
      assert.deepEqual(report.discrepancies, []);
    });
  });
});
