/**
 * The process kit on its own (a test-only process): a human task whose deadlines count working days, computed by
 * an activity from the statutory calendar and recorded in history; escalation up the ladder; a deadline running
 * into a year with no published holiday schedule marked provisional; a schedule loaded afterwards changing later
 * deadlines but not the one already recorded.
 */
import assert from 'node:assert/strict';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, Worker } from '@temporalio/worker';
import { createActivities } from '../../workers/activities';
import { createPostgresAdapters, type Adapters } from '../../activities/adapters';
import type { Db } from '../../activities/db/connection';
import { openTestDb, uniqueAccountRef } from '../helpers/database';
import { retrying } from '../helpers/retry';
import {
  quietBundlerLogger,
  startTimeSkippingServer,
  testDataConverter,
  uniqueTaskQueue,
} from '../helpers/temporal';
import { kitProbe } from './kit-probe/module';
import { probeStateQuery, probeUpdates, type ProbeState } from './kit-probe/probe-workflow';
import {
  closeOf,
  FIXED_YEAR,
  loadFixedYear,
  sleepUntil,
  tenInTheMorning,
  unloadFixedYears,
} from '../helpers/fixed-calendar';

/** Who holds the open task (department, role, district or city) and until when. */
const holderOf = (s: ProbeState) => [
  s.openTask?.department,
  s.openTask?.role,
  s.openTask?.level,
  s.openTask?.dueAt,
];

describe('the process kit: working-day deadlines and escalation (a test-only process)', function () {
  this.timeout(120_000);
  let env: TestWorkflowEnvironment;
  let db: Db;
  let worker: Worker;
  let running: Promise<void>;
  const taskQueue = uniqueTaskQueue('kit');
  let adapters: Adapters;

  before(async function () {
    env = await startTimeSkippingServer();
    db = openTestDb();
    adapters = createPostgresAdapters(db);
    await unloadFixedYears(db);
    worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      dataConverter: testDataConverter(),
      workflowBundle: await bundleWorkflowCode({
        workflowsPath: kitProbe.workflowsPath,
        logger: quietBundlerLogger,
      }),
      activities: createActivities({ adapters }, [kitProbe]),
    });
    running = worker.run();
  });
  after(async function () {
    worker?.shutdown();
    await running;
    await env?.teardown();
    if (db) await unloadFixedYears(db);
    await db?.destroy();
  });

  it('counts working days, escalates when they pass, flags a year with no schedule, keeps what it recorded', async function () {
    // The fixed year is loaded; the year after it is not, so the city's 25 working days run into a year with no
    // schedule. Every date below is worked out by hand (start day not counted, 24:00 Beijing on the last day).
    await loadFixedYear(adapters);
    await sleepUntil(env, tenInTheMorning('2037-12-01')); // a Tuesday
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
    const opened = await waitFor((s) => s.openTask !== undefined);
    // Wednesday 2 and Thursday 3 December: the district's clerk.
    assert.deepEqual(holderOf(opened), ['petition-office', 'clerk', 'district', closeOf('2037-12-03')]);
    assert.equal(opened.openTask!.provisionalYears, undefined);

    // Past it: the city's supervisor, 25 working days from the missed deadline (Friday 4 December not counted):
    // 19 in December, then Friday 1 and Monday 4 to Friday 8 January 2038 on weekdays alone, flagged.
    await env.sleep(Date.parse(closeOf('2037-12-03')) - (await env.currentTimeMs()) + 60_000);
    const escalated = await waitFor((s) => s.openTask?.escalationRung === 1);
    assert.deepEqual(holderOf(escalated), ['petition-office', 'supervisor', 'city', closeOf('2038-01-08')]);
    assert.equal(escalated.openTask!.overdue, true);
    assert.deepEqual(escalated.openTask!.provisionalYears, [FIXED_YEAR + 1]);

    // The year after is published now; the deadline already recorded in history stays as it was.
    await adapters.calendar.publishYear({
      year: FIXED_YEAR + 1,
      holidays: ['2038-01-01', '2038-01-02', '2038-01-03'],
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
