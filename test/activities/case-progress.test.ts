import assert from 'node:assert/strict';
import type { PlatformActivities } from '../../activities';
import type { GasRetrofitActivities } from '../../processes/gas-retrofit/activities/households';
import { createActivities } from '../../workers/activities';
import { createPostgresAdapters, type Adapters } from '../../activities/adapters';
import type { HumanTask } from '../../activities/adapters/task-board/port';
import { carryingCaseProgress, type CaseProgress } from '../../activities/case-progress';
import type { Db } from '../../activities/db/connection';
import { openTestDb, uniqueAccountRef } from '../helpers/database';

describe('case progress: the case registry and task board told at once, or carried by a department call', function () {
  let db: Db;
  let adapters: Adapters;
  /** As the worker has them: the platform's and every process's, each able to carry progress. */
  let activities: PlatformActivities & GasRetrofitActivities;
  before(function () {
    db = openTestDb();
    adapters = createPostgresAdapters(db);
    activities = createActivities({ adapters }) as unknown as typeof activities;
  });
  after(() => db.destroy());

  const newCase = () => `gas-retrofit:erqi:${uniqueAccountRef('EQ')}`;
  const task = (caseId: string, kind: string, escalationRung = 0): HumanTask => ({
    taskId: `${caseId}:${kind}:4`,
    caseId,
    kind,
    department: 'gas-company',
    district: 'erqi',
    role: 'clerk',
    dueAt: '2026-12-10T00:00:00.000Z',
    escalationRung,
  });
  const progress = (caseId: string, stage: string, stageSeq: number): CaseProgress => ({
    record: {
      caseId,
      process: 'gas-retrofit-household',
      district: 'erqi',
      stage,
      stageSeq,
      details: { accountRef: caseId.split(':')[2]! },
    },
  });
  const taskRow = (taskId: string) =>
    db('onething.tasks').where({ task_id: taskId }).first<{ status: string; escalation_rung: number }>();

  it('records a task opened and closed between two tellings as closed; a late telling of its opening does not reopen it', async function () {
    const caseId = newCase();
    const acceptance = task(caseId, 'acceptance');
    await activities.recordCaseProgress({
      ...progress(caseId, 'settlement', 5),
      closedTasks: [{ task: acceptance, status: 'done' }],
    });
    assert.equal((await taskRow(acceptance.taskId))?.status, 'done');
    // A retried older telling (the task still open, escalated) arrives last.
    await activities.recordCaseProgress({
      ...progress(caseId, 'acceptance', 4),
      openTask: task(caseId, 'acceptance', 1),
    });
    const row = await taskRow(acceptance.taskId);
    assert.equal(row?.status, 'done');
    assert.equal(row?.escalation_rung, 0);
    assert.equal((await adapters.caseRegistry.find(caseId))?.stage, 'settlement');
    assert.deepEqual(
      (
        await adapters.taskBoard.openTasks({
          departments: ['gas-company'],
          district: 'erqi',
          roles: ['clerk'],
        })
      ).filter((open) => open.caseId === caseId),
      [],
    );
  });

  it('tells the registry and the task board together or not at all', async function () {
    const caseId = newCase();
    const open = task(caseId, 'acceptance');
    // A stage sequence the registry cannot store fails the registry write, after the task's.
    await assert.rejects(
      activities.recordCaseProgress({ ...progress(caseId, 'acceptance', 3.5), openTask: open }),
      /integer/,
    );
    assert.equal(await taskRow(open.taskId), undefined);
    assert.equal(await adapters.caseRegistry.find(caseId), undefined);
    await activities.recordCaseProgress({ ...progress(caseId, 'acceptance', 3), openTask: open });
    assert.equal((await taskRow(open.taskId))?.status, 'open');
  });

  it('records a stage told alone, and an older stage told late does not overwrite it', async function () {
    const caseId = newCase();
    await activities.recordCaseProgress(progress(caseId, 'installation-scheduled', 3));
    await activities.recordCaseProgress(progress(caseId, 'eligibility', 2));
    const stored = await adapters.caseRegistry.find(caseId);
    assert.equal(stored?.stage, 'installation-scheduled');
    assert.equal(stored?.stageSeq, 3);
  });

  it('a department call records the progress it carries, then answers as the department does', async function () {
    const caseId = newCase();
    const open = task(caseId, 'acceptance');
    const active = await activities.isGasAccountActive({
      accountRef: 'EQ-NO-SUCH-ACCOUNT',
      caseProgress: { ...progress(caseId, 'acceptance', 3), openTask: open },
    });
    assert.equal(active, false);
    assert.equal((await adapters.caseRegistry.find(caseId))?.stage, 'acceptance');
    assert.equal((await taskRow(open.taskId))?.status, 'open');
  });

  it('takes the progress out of the input before the activity sees it', async function () {
    const caseId = newCase();
    const told: CaseProgress[] = [];
    const { echo } = carryingCaseProgress({ echo: (input: { n: number }) => Promise.resolve(input) }, (p) => {
      told.push(p);
      return Promise.resolve();
    });
    assert.deepEqual(await echo({ n: 1, caseProgress: progress(caseId, 'scheduling', 2) }), { n: 1 });
    assert.deepEqual(await echo({ n: 2 }), { n: 2 });
    assert.deepEqual(
      told.map((p) => p.record.stage),
      ['scheduling'],
    );
  });

  it('a call that carries nothing records nothing', async function () {
    const before = await db('onething.cases').count<{ count: string }[]>({ count: '*' });
    await activities.isGasAccountActive({ accountRef: 'EQ-NO-SUCH-ACCOUNT' });
    assert.deepEqual(await db('onething.cases').count<{ count: string }[]>({ count: '*' }), before);
  });
});
