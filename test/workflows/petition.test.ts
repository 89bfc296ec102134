import assert from 'node:assert/strict';
import { WorkflowNotFoundError } from '@temporalio/client';
import { DECISION_REFUSALS, SEARCH_ATTRIBUTES } from '../../workflows/definitions';
import { useTimeSkippingSuite } from '../helpers/workflow-suite';
import { refusal } from '../helpers/update-refusal';
import {
  CONSULTATION_LADDER_FROM_18_SEPTEMBER_2037,
  LADDER_RECEIVED_ON,
  petitionActors as actors,
  routeStreetLightsToUrbanManagement,
  startPetition,
  watchOf,
  type PetitionDriver,
} from './petition-helpers';
import { loadFixedYear, sleepUntil, tenInTheMorning, unloadFixedYears } from '../helpers/fixed-calendar';

const J = 'jinshui' as const;
const URBAN = actors.handler('urban-management', J);

describe('petition workflow (time-skipping server, Postgres adapters)', function () {
  this.timeout(120_000);
  const suite = useTimeSkippingSuite('petition');
  afterEach(async function () {
    await unloadFixedYears(suite.db);
  });
  before(() => routeStreetLightsToUrbanManagement(suite.adapters));

  /**
   * Lets the 30-day review window pass on the server's clock and reads the closed case. Not `handle.result()`:
   * awaiting a result unlocks time skipping, and once the case has closed with nothing left to wait for, the test
   * server was seen to leap ten years ahead, leaving every later test's deadlines in 2036.
   */
  const closedAfterReviewWindow = async (c: PetitionDriver) => {
    await suite.env.sleep('31 days');
    return c.waitForStage('closed');
  };
  const start = (options?: Parameters<typeof startPetition>[3]) =>
    startPetition(suite.env, suite.adapters, suite.taskQueue, options);
  /** A petition accepted, replied to and rated satisfied: completed, its review window open. */
  const completedPetition = async (replyRef: string) => {
    const c = await start();
    await accepting(c);
    await c.act('accept', { actor: URBAN });
    await c.act('reply', { actor: URBAN, summaryRef: replyRef });
    await c.waitForStage('replied', 20_000, (s) => s.openTask?.kind === 'rating');
    await c.act('rate', { actor: actors.officeClerk(J), satisfied: true });
    await c.waitForStage('completed');
    return c;
  };
  const accepting = (c: PetitionDriver) =>
    c.waitForStage(
      'awaiting-acceptance',
      20_000,
      (s) => s.openTask?.kind === 'acceptance' && s.deadlines.acceptance !== undefined,
    );

  it('routed by the table, accepted, replied, rated satisfied: completed, with every deadline in the case', async function () {
    const c = await start();
    const routed = await accepting(c);
    assert.equal(routed.department, 'urban-management');
    assert.equal(routed.openTask?.department, 'urban-management');
    await c.act('accept', { actor: URBAN });
    const handling = await c.waitForStage(
      'handling',
      20_000,
      (s) => s.openTask?.kind === 'reply' && s.deadlines.reply !== undefined,
    );
    assert.ok(handling.deadlines.acceptance && handling.deadlines.reply);
    assert.ok(handling.deadlines.reply.dueAt > handling.deadlines.acceptance.dueAt);
    await c.act('reply', { actor: URBAN, summaryRef: 'REPLY-1' });
    await c.waitForStage('replied', 20_000, (s) => s.openTask?.kind === 'rating');
    await c.act('rate', { actor: actors.officeClerk(J), satisfied: true });
    const done = await closedAfterReviewWindow(c);
    // Nobody asked for a review within 30 days: closed, with the satisfied rating.
    assert.equal(done.stage, 'closed');
    assert.equal(done.rating?.satisfied, true);
    assert.equal((await suite.db('onething.tasks').where({ case_id: c.caseId, status: 'open' })).length, 0);
  });

  it('only the department holding it accepts; a petition for nobody’s department is the petition office’s', async function () {
    const c = await start();
    await accepting(c);
    assert.equal(
      await refusal(c.record('accept', { actor: actors.handler('traffic-police', J) })),
      DECISION_REFUSALS.forbidden,
    );
    const unrouted = await start({ category: 'other' });
    assert.equal((await accepting(unrouted)).department, 'petition-office');
  });

  // Received 10:00 Beijing. 2026: National Day 1–7 October, 10 October a make-up working day; the start day is not
  // counted; a deadline ends at 24:00 Beijing of its last working day. Worked out by hand:
  for (const [name, receivedAt, acceptanceDue, replyDue] of [
    [
      'the day before National Day',
      '2026-09-30T02:00:00.000Z',
      '2026-10-09T16:00:00.000Z',
      '2026-10-20T16:00:00.000Z',
    ],
    ['on a holiday', '2026-10-03T02:00:00.000Z', '2026-10-09T16:00:00.000Z', '2026-10-20T16:00:00.000Z'],
    [
      'on the make-up Saturday',
      '2026-10-10T02:00:00.000Z',
      '2026-10-13T16:00:00.000Z',
      '2026-10-23T16:00:00.000Z',
    ],
  ] as const) {
    it(`a help request received ${name}: acceptance and reply deadlines in working days from receipt`, async function () {
      const c = await start({ kind: 'help', receivedAt });
      const waiting = await accepting(c);
      assert.equal(waiting.deadlines.acceptance?.dueAt, acceptanceDue);
      await c.act('accept', { actor: URBAN });
      const handling = await c.waitForStage(
        'handling',
        20_000,
        (s) => s.openTask?.kind === 'reply' && s.deadlines.reply !== undefined,
      );
      assert.equal(handling.deadlines.reply?.dueAt, replyDue);
    });
  }

  it('a year with no published schedule is flagged; a schedule loaded later moves later deadlines, never recorded ones', async function () {
    // A year of its own per run, far off, that no package or other test publishes.
    const year = 2080 + (process.pid % 9);
    const receivedAt = `${year}-03-02T02:00:00.000Z`; // a Thursday or so; the weekday does not matter here
    try {
      const before = await start({ kind: 'consultation', receivedAt });
      const flagged = await accepting(before);
      assert.deepEqual(flagged.openTask?.provisionalYears, [year], 'the deadline says it is provisional');
      const recorded = flagged.deadlines.acceptance!.dueAt;
      // The State Council publishes the year: the next five days are a holiday.
      const days = Array.from(
        { length: 5 },
        (_, i) => new Date(Date.parse(receivedAt) + (i + 1) * 86_400_000),
      ).map((d) => d.toISOString().slice(0, 10));
      await suite.adapters.calendar.publishYear({
        year,
        holidays: days,
        makeUpWorkdays: [],
        publishedBy: 'po-sup',
      });
      const after = await start({ kind: 'consultation', receivedAt });
      const later = await accepting(after);
      assert.ok(
        later.deadlines.acceptance!.dueAt > recorded,
        `${later.deadlines.acceptance!.dueAt} after ${recorded}`,
      );
      assert.equal(later.openTask?.provisionalYears, undefined);
      assert.equal(
        (await before.state()).deadlines.acceptance!.dueAt,
        recorded,
        'a recorded deadline never moves',
      );
    } finally {
      await suite.db('onething.calendar_years').where({ year }).delete();
    }
  });

  it('an overdue report climbs to the city’s petition office and stops there: never handed to the press desk', async function () {
    await loadFixedYear(suite.adapters);
    await sleepUntil(suite.env, tenInTheMorning(LADDER_RECEIVED_ON));
    const c = await start({ kind: 'report' });
    const routed = await accepting(c);
    const watchers = new Set([watchOf(routed, routed.openTask!.dueAt).split(' until ')[0]]);
    for (let day = 0; day < 30; day += 1) {
      await suite.env.sleep('1 day');
      watchers.add(watchOf(await c.state(), (await c.state()).openTask!.dueAt).split(' until ')[0]);
    }
    assert.deepEqual(
      [...watchers],
      [
        'urban-management/clerk/district',
        'petition-office/clerk/district',
        'petition-office/supervisor/district',
        'petition-office/supervisor/city',
      ],
    );
    const last = (await c.state()).openTask!;
    assert.deepEqual([last.escalationRung, last.overdue], [3, true]);
    assert.equal(
      await refusal(c.record('press-take-up', { actor: actors.reporter(), account: '想接手这条举报线索' })),
      DECISION_REFUSALS.forbidden,
    );
  });

  it('a missed deadline brings a reminder, the district, the city, then the press; the department keeps the task', async function () {
    await loadFixedYear(suite.adapters);
    await sleepUntil(suite.env, tenInTheMorning(LADDER_RECEIVED_ON));
    const c = await start({ kind: 'consultation' });
    const routed = await accepting(c);
    const call = {
      actor: actors.reporter(),
      answer: 'will-handle' as const,
      account: '记者致电城管局，答复三日内修复。',
    };
    assert.equal(
      await refusal(c.record('press-follow-up', call)),
      DECISION_REFUSALS.wrongStage,
      'the desk calls only once the ladder has reached it',
    );
    // A day at a time, noting who watches at each rung and until when, and when the rung was first seen.
    const rungs = [watchOf(routed, routed.openTask!.dueAt)];
    for (let day = 0; day < 40 && rungs.length < 5; day += 1) {
      await suite.env.sleep('1 day');
      const task = (await c.state()).openTask!;
      if (task.escalationRung === rungs.length - 1) continue;
      assert.equal(task.escalationRung, rungs.length, 'no rung is skipped');
      assert.equal(task.department, 'urban-management', 'the holder keeps the task');
      assert.equal(task.overdue, true);
      const seenAt = await suite.env.currentTimeMs();
      const missed = Date.parse(rungs.at(-1)!.split(' until ')[1]!);
      assert.ok(
        seenAt > missed && seenAt <= missed + 86_400_000,
        'each rung comes the day its deadline passes',
      );
      rungs.push(watchOf(await c.state(), task.dueAt));
    }
    assert.deepEqual(rungs, CONSULTATION_LADDER_FROM_18_SEPTEMBER_2037);
    const typed = (await c.handle.describe()).typedSearchAttributes;
    assert.equal(typed.get(SEARCH_ATTRIBUTES.escalationRung), 4);
    assert.equal(typed.get(SEARCH_ATTRIBUTES.overdue), true);
    assert.equal(typed.get(SEARCH_ATTRIBUTES.department), 'urban-management');
    const story = {
      actor: actors.reporter(),
      verdict: 'resolved' as const,
      headline: '路灯一周不亮，城管局三日修复',
      url: 'https://newspaper.example/ggdb/1',
    };
    assert.equal(
      await refusal(c.record('press-publish', story)),
      DECISION_REFUSALS.wrongStage,
      'the desk publishes after its call',
    );
    // The desk calls the department (its own record keeps the account); the acceptance then stops the ladder.
    const called = await c.act('press-follow-up', call);
    assert.deepEqual(
      called.press?.calls.map(({ calledDepartment, answer }) => ({ calledDepartment, answer })),
      [{ calledDepartment: 'urban-management', answer: 'will-handle' }],
    );
    const calls = await suite.adapters.publicSupervision.calls(c.caseId);
    assert.deepEqual(
      calls.map(({ callKey, account, reporter }) => ({ callKey, account, reporter })),
      [{ callKey: `${c.caseId}:call:1`, account: call.account, reporter: 'gg-1' }],
    );
    await c.act('supervise-note', { actor: actors.reporter(), noteRef: 'GG-NOTE-1' });
    const handling = await c.act('accept', { actor: URBAN });
    assert.equal(handling.stage, 'handling');
    // The acceptance ladder stopped; the reply deadline still counts from receipt, so it is already overdue too.
    assert.equal(handling.openTask?.kind, 'reply');
    assert.equal(handling.openTask?.department, 'urban-management');
    assert.ok(handling.deadlines.reply!.dueAt < new Date(await suite.env.currentTimeMs()).toISOString());
    assert.equal(handling.supervisionNotes.length, 1);
    await c.act('reply', { actor: URBAN, summaryRef: 'REPLY-PRESS' });
    const replied = await c.waitForStage('replied', 20_000, (s) => s.openTask?.kind === 'rating');
    assert.equal(replied.openTask?.escalationRung, 0, 'a reply stops the ladder');
    const published = await c.act('press-publish', story);
    assert.equal(published.press?.published?.headline, story.headline);
    assert.equal((await suite.adapters.publicSupervision.published(c.caseId))?.verdict, 'resolved');
    assert.equal(
      await refusal(c.record('press-publish', story)),
      DECISION_REFUSALS.wrongStage,
      'one story a case',
    );
  });

  it('a post typed in long after its deadlines finds each rung that has passed passed: straight to the press', async function () {
    const now = await suite.env.currentTimeMs();
    const c = await start({
      kind: 'consultation',
      receivedAt: new Date(now - 25 * 86_400_000).toISOString(),
    });
    // Acceptance in 1 working day, then four rungs of 2 working days each, all counted from the missed deadline.
    const pressed = await c.waitForStage(
      'awaiting-acceptance',
      20_000,
      (s) => s.openTask?.escalationRung === 4,
    );
    assert.equal(pressed.openTask?.supervisedBy?.department, 'public-supervision');
    assert.equal(pressed.openTask?.department, 'urban-management', 'the holder keeps the task');
  });

  it('transfers are kept and shown; past two, the petition office’s supervisors take it', async function () {
    const c = await start();
    await accepting(c);
    const first = await c.act('transfer', {
      actor: URBAN,
      to: 'traffic-police',
      reason: 'a traffic light, not a street light',
    });
    assert.equal(first.department, 'traffic-police');
    assert.equal(first.openTask?.department, 'traffic-police');
    assert.equal(
      await refusal(
        c.record('transfer', {
          actor: actors.handler('traffic-police', J),
          to: 'traffic-police',
          reason: 'x',
        }),
      ),
      DECISION_REFUSALS.invalid,
    );
    await c.act('transfer', {
      actor: actors.handler('traffic-police', J),
      to: 'housing',
      reason: 'estate road',
    });
    const third = await c.act('transfer', {
      actor: actors.handler('housing', J),
      to: 'urban-management',
      reason: 'public road',
    });
    assert.equal(third.transfers.length, 3);
    assert.equal(third.department, 'petition-office');
    const placed = await accepting(c);
    assert.deepEqual(
      [placed.openTask?.department, placed.openTask?.role],
      ['petition-office', 'supervisor'],
      'passed on too often: the petition office’s supervisors place it',
    );
    await c.act('accept', { actor: actors.officeSupervisor(J) });
    assert.deepEqual(
      third.transfers.map((t) => `${t.from}→${t.to}`),
      ['urban-management→traffic-police', 'traffic-police→housing', 'housing→urban-management'],
    );
  });

  it('one extension of the reply deadline, by a supervisor, with a reason; a second is refused', async function () {
    const c = await start({ kind: 'complaint' });
    await accepting(c);
    await c.act('accept', { actor: URBAN });
    const before = (
      await c.waitForStage(
        'handling',
        20_000,
        (s) => s.openTask?.kind === 'reply' && s.deadlines.reply !== undefined,
      )
    ).deadlines.reply!;
    assert.equal(
      await refusal(c.record('extend', { actor: URBAN, reason: 'x', workingDays: 5 })),
      DECISION_REFUSALS.forbidden,
    );
    const extended = await c.act('extend', {
      actor: actors.officeSupervisor(J),
      reason: '需现场勘查',
      workingDays: 5,
    });
    assert.ok(extended.deadlines.reply!.dueAt > before.dueAt);
    assert.equal(extended.extension?.workingDays, 5);
    assert.equal(
      await refusal(
        c.record('extend', { actor: actors.officeSupervisor(J), reason: 'again', workingDays: 5 }),
      ),
      DECISION_REFUSALS.wrongStage,
    );
  });

  it('a dissatisfied rating reopens it once, to the same department; the second rating completes it', async function () {
    const c = await start();
    await accepting(c);
    await c.act('accept', { actor: URBAN });
    await c.act('reply', { actor: URBAN, summaryRef: 'R-1' });
    await c.waitForStage('replied', 20_000, (s) => s.openTask?.kind === 'rating');
    const reopened = await c.act('rate', { actor: actors.officeClerk(J), satisfied: false });
    assert.equal(reopened.stage, 'handling');
    assert.equal(reopened.reopened, true);
    assert.equal(reopened.department, 'urban-management');
    await c.act('reply', { actor: URBAN, summaryRef: 'R-2' });
    await c.waitForStage('replied', 20_000, (s) => s.openTask?.kind === 'rating');
    await c.act('rate', { actor: actors.officeClerk(J), satisfied: false });
    const done = await closedAfterReviewWindow(c);
    assert.equal(done.stage, 'closed');
    assert.equal(done.rating?.satisfied, false);
    // The weekly index counts the first reply, and completion when the second rating came.
    assert.ok(done.firstRepliedAt && done.firstRepliedAt < done.reply!.at);
    assert.equal(done.completedAt, done.rating?.at);
  });

  it('review (复查) by the district within its window, then re-review (复核) by the city; nothing after it', async function () {
    const c = await completedPetition('R-REV');
    await suite.env.sleep('20 days');
    const asked = await c.act('request-review', { actor: actors.officeClerk(J) });
    assert.equal(asked.stage, 'under-review');
    assert.deepEqual(
      [asked.openTask?.kind, asked.openTask?.department, asked.openTask?.role],
      ['review', 'petition-office', 'supervisor'],
    );
    const reviewed = await c.act('decide-review', {
      actor: actors.officeSupervisor(J),
      outcome: 'upheld',
      opinionRef: 'FC-1',
    });
    assert.equal(reviewed.stage, 'reviewed');
    await c.act('request-review', { actor: actors.officeClerk(J) });
    await c.waitForStage('under-re-review', 20_000, (s) => s.openTask?.kind === 're-review');
    assert.equal(
      await refusal(
        c.record('decide-review', { actor: actors.officeSupervisor(J), outcome: 'changed', opinionRef: 'X' }),
      ),
      DECISION_REFUSALS.forbidden,
      'a re-review is the city’s',
    );
    await c.record('decide-review', {
      actor: actors.officeSupervisor('city'),
      outcome: 'changed',
      opinionRef: 'FH-1',
    });
    const closed = await c.waitForStage('closed');
    assert.equal(closed.stage, 'closed');
    assert.deepEqual(
      closed.reviews?.map((r) => `${r.level}:${r.outcome}`),
      ['review:upheld', 're-review:changed'],
    );
  });

  it('whoever decided the review (复查) may not decide its re-review (复核): separation of duties', async function () {
    const c = await completedPetition('R-SOD');
    await c.act('request-review', { actor: actors.officeClerk(J) });
    const citySupervisor = actors.officeSupervisor('city');
    await c.act('decide-review', { actor: citySupervisor, outcome: 'upheld', opinionRef: 'FC-SOD' });
    await c.act('request-review', { actor: actors.officeClerk(J) });
    await c.waitForStage('under-re-review', 20_000, (s) => s.openTask?.kind === 're-review');
    assert.equal(
      await refusal(
        c.record('decide-review', { actor: citySupervisor, outcome: 'changed', opinionRef: 'FH-X' }),
      ),
      DECISION_REFUSALS.forbidden,
    );
    const another = { ...citySupervisor, userId: 'po-sup-city-2' };
    await c.record('decide-review', { actor: another, outcome: 'upheld', opinionRef: 'FH-SOD' });
    const closed = await c.waitForStage('closed');
    assert.deepEqual(
      closed.reviews?.map((r) => `${r.level}:${r.by}`),
      ['review:po-sup-city', 're-review:po-sup-city-2'],
    );
  });

  it('a review asked for after its 30-day window is too late: the petition closed', async function () {
    const c = await start();
    await accepting(c);
    await c.act('accept', { actor: URBAN });
    await c.act('reply', { actor: URBAN, summaryRef: 'R-LATE' });
    await c.waitForStage('replied', 20_000, (s) => s.openTask?.kind === 'rating');
    await c.act('rate', { actor: actors.officeClerk(J), satisfied: false });
    await c.act('reply', { actor: URBAN, summaryRef: 'R-LATE-2' });
    await c.waitForStage('replied', 20_000, (s) => s.openTask?.kind === 'rating');
    await c.act('rate', { actor: actors.officeClerk(J), satisfied: false });
    assert.equal((await closedAfterReviewWindow(c)).stage, 'closed');
    // The late request itself: the closed case has ended, so it is delivered to nobody and changes nothing.
    await assert.rejects(c.record('request-review', { actor: actors.officeClerk(J) }), WorkflowNotFoundError);
    const after = await c.state();
    assert.deepEqual([after.stage, after.reviews], ['closed', undefined], 'no review was opened');
  });
});
