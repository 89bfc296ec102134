/**
 * The process kit on its own (a test-only process): a human task whose deadlines count working days, computed by
 * an activity from the statutory calendar and recorded in history; escalation up the ladder; a deadline running
 * into a year with no published holiday schedule marked provisional; a schedule loaded afterwards changing later
 * deadlines but not the one already recorded.
 */
import assert from 'node:assert/strict';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, Worker } from '@temporalio/worker';
import { createActivities } from '../../activities';
import { createPostgresAdapters } from '../../activities/adapters';
import { addWorkingDays } from '../../activities/calendar/working-days';
import { packageSchedule } from '../../activities/calendar/package-schedules';
import type { Db } from '../../activities/db/connection';
import { openTestDb, uniqueAccountRef } from '../helpers/database';
import { retrying } from '../helpers/retry';
import {
  quietBundlerLogger,
  startTimeSkippingServer,
  testDataConverter,
  uniqueTaskQueue,
} from '../helpers/temporal';
import { probeStateQuery, probeUpdates, type ProbeState } from './kit-probe/probe-workflow';

describe('the process kit: working-day deadlines and escalation (a test-only process)', function () {
  this.timeout(120_000);
  let env: TestWorkflowEnvironment;
  let db: Db;
  let worker: Worker;
  let running: Promise<void>;
  const taskQueue = uniqueTaskQueue('kit');
  let nextYear = 0;

  before(async function () {
    env = await startTimeSkippingServer();
    db = openTestDb();
    worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      dataConverter: testDataConverter(),
      workflowBundle: await bundleWorkflowCode({
        workflowsPath: require.resolve('./kit-probe/probe-workflow'),
        logger: quietBundlerLogger,
      }),
      activities: createActivities({ adapters: createPostgresAdapters(db) }),
    });
    running = worker.run();
  });
  after(async function () {
    worker?.shutdown();
    await running;
    await env?.teardown();
    await db?.('onething.calendar_years').where({ year: nextYear }).delete();
    await db?.destroy();
  });

  it('counts working days, escalates when they pass, flags a year with no schedule, keeps what it recorded', async function () {
    // From 1 December on, 2 + 25 working days always run into the next year, whose schedule nobody has loaded.
    const serverNow = await env.currentTimeMs();
    const firstOfDecember = Date.UTC(new Date(serverNow).getUTCFullYear(), 11, 1, 2);
    if (firstOfDecember > serverNow) await env.sleep(firstOfDecember - serverNow);
    nextYear = new Date(firstOfDecember).getUTCFullYear() + 1;
    await db('onething.calendar_years').where({ year: nextYear }).delete();
    const handle = await env.client.workflow.start('kitProbe', {
      workflowId: `kit-probe:${uniqueAccountRef('K')}`,
      taskQueue,
      args: [{ district: 'jinshui' }],
    });
    const state = () => handle.query(probeStateQuery);
    const waitFor = (check: (s: ProbeState) => boolean) =>
      retrying(
        async () => {
          const s = await state();
          assert.ok(check(s), JSON.stringify(s.openTask));
          return s;
        },
        { attempts: 100, delayMs: 100 },
      );
    const startedAt = (await handle.describe()).startTime;
    const opened = await waitFor((s) => s.openTask !== undefined);
    const published = (year: number) => packageSchedule(year);
    assert.equal(opened.openTask!.dueAt, addWorkingDays(startedAt, 2, published).dueAt);

    // Past the two working days: the city supervisor's rung, 25 working days from the escalation.
    await env.sleep(Date.parse(opened.openTask!.dueAt) - (await env.currentTimeMs()) + 60_000);
    const escalated = await waitFor((s) => s.openTask?.escalationRung === 1);
    assert.equal(escalated.openTask!.role, 'supervisor');
    assert.equal(escalated.openTask!.overdue, true);
    const escalatedAt = new Date(Date.parse(opened.openTask!.dueAt));
    const expected = addWorkingDays(escalatedAt, 25, published);
    assert.equal(escalated.openTask!.dueAt, expected.dueAt);
    assert.deepEqual(escalated.openTask!.provisionalYears ?? [], expected.unpublishedYears);
    assert.ok(escalated.openTask!.provisionalYears?.includes(nextYear), 'a year with no schedule is flagged');

    // The year after is published now; the deadline already recorded in history stays as it was.
    await createPostgresAdapters(db).calendar.publishYear({
      year: nextYear,
      holidays: [`${nextYear}-01-01`, `${nextYear}-01-02`, `${nextYear}-01-03`],
      makeUpWorkdays: [],
      publishedBy: 'kit-test',
    });
    assert.equal((await state()).openTask!.dueAt, escalated.openTask!.dueAt, 'recorded, not recomputed');

    await handle.executeUpdate(probeUpdates.reply, {
      args: [
        { actor: { userId: 'sup', department: 'petition-office', district: 'city', roles: ['supervisor'] } },
      ],
    });
    const done = await handle.result();
    assert.equal(done.stage, 'done');
    const history = await handle.fetchHistory();
    const deadlines = (history.events ?? []).filter(
      (e) => e.activityTaskScheduledEventAttributes?.activityType?.name === 'computeWorkingDayDeadline',
    );
    assert.equal(deadlines.length, 2, 'each working-day deadline is an activity, recorded in history');
  });
});
