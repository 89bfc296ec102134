/**
 * The weekly index (心通桥指数) on a real dev server and real PostgreSQL: a week of 268 petitions taken in through
 * the API in the published week's proportions, 240 replied and 156 completed, reproduces 268 / 240 / 156 and
 * 26 / 21 / 16 / 14 / 8 / 6 / 4 / 5 %; the index equals what PostgreSQL counts directly; recomputing gives the same
 * row; a late window post is counted on recomputation; the Schedule (backfilled for two past Mondays)
 * computes the week before its scheduled time; the chart renders in headless Chromium.
 */
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import request from 'supertest';
import { ensureSchedules } from '../../platform/schedules';
import { processSchedules } from '../../processes';
import { PETITION_INDEX_SCHEDULE_ID } from '../../processes/petitions/schedules';
import { beijingWeek, beijingWeekOf, weekBefore } from '../../workflows/kit/beijing-week';
import { PETITION_CATEGORIES, type PetitionCategory } from '../../processes/petitions/workflow/contract';
import { bearer } from '../helpers/api';
import { useLiveApi } from '../helpers/live-api';
import { openBrowser } from '../e2e/web-ui/supervisor-browser';
import { PetitionDriver, petitionActors } from '../workflows/petition-helpers';

const PUBLISHED_WEEK: Record<PetitionCategory, number> = {
  traffic: 70,
  'public-facilities': 56,
  education: 43,
  property: 38,
  environment: 21,
  heating: 16,
  'medical-social-security': 11,
  other: 13,
};
const REPLIED = 240;
const COMPLETED = 156;
const INDEX = '/v1/petitions/weekly-index';
const J = 'jinshui' as const;

/** Runs `work` over `items`, `concurrency` at a time. */
async function inBatches<T>(
  items: T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

describe('petitions weekly index (real dev server, real Postgres)', function () {
  this.timeout(600_000);
  const live = useLiveApi('weekly-index');
  const office = () => bearer({ sub: 'po-clerk', dept: 'petition-office', district: J, roles: ['clerk'] });
  const supervisor = () =>
    bearer({ sub: 'po-sup', dept: 'petition-office', district: 'city', roles: ['supervisor'] });
  let week: string;
  let caseIds: string[] = [];

  /** The week's figures as PostgreSQL counts them, written independently of the adapter's query. */
  async function countedInPostgres(name: string) {
    const { startsAt, endsAt } = beijingWeek(name)!;
    const { rows } = await live.db.raw<{
      rows: Array<{ category: PetitionCategory; received: number; replied: number; completed: number }>;
    }>(
      `SELECT c.details->>'category' AS category, count(*)::int AS received,
              sum(CASE WHEN (c.details->>'repliedAt')::timestamptz < ?::timestamptz THEN 1 ELSE 0 END)::int AS replied,
              sum(CASE WHEN (c.details->>'completedAt')::timestamptz < ?::timestamptz THEN 1 ELSE 0 END)::int AS completed
         FROM onething.cases c JOIN petition_office.petitions p ON p.case_id = c.case_id
        WHERE c.process = 'petition' AND p.received_at >= ?::timestamptz AND p.received_at < ?::timestamptz
        GROUP BY 1`,
      [endsAt, endsAt, startsAt, endsAt],
    );
    const sum = (key: 'received' | 'replied' | 'completed') => rows.reduce((n, row) => n + row[key], 0);
    return {
      received: sum('received'),
      replied: sum('replied'),
      completed: sum('completed'),
      counts: PETITION_CATEGORIES.map((c) => rows.find((row) => row.category === c)?.received ?? 0),
    };
  }

  before(async function () {
    // The figures count replies made by the week's end; this suite replies now, so it works in the current week,
    // and waits out the last minutes of a Sunday rather than straddle two weeks.
    const now = new Date();
    const endsAt = Date.parse(beijingWeek(beijingWeekOf(now))!.endsAt);
    if (endsAt - now.getTime() < 5 * 60_000)
      await new Promise((r) => setTimeout(r, endsAt - now.getTime() + 1000));
    week = beijingWeekOf(new Date());
  });

  it('a week of 268 petitions reproduces the published index, equal to what PostgreSQL counts', async function () {
    const startsAt = Date.parse(beijingWeek(week)!.startsAt);
    const span = Date.now() - startsAt;
    const posts = PETITION_CATEGORIES.flatMap((category) =>
      Array.from({ length: PUBLISHED_WEEK[category] }, (_, i) => ({ category, i })),
    );
    const clerk = await office();
    caseIds = [];
    await inBatches(posts, 8, async ({ category, i }) => {
      // Spread over the week so far, as window and app posts arrive.
      const receivedAt = new Date(startsAt + Math.floor((span * (caseIds.length + 1)) / (posts.length + 2)));
      const res = await request(live.app)
        .post('/v1/petitions')
        .set('Authorization', clerk)
        .send({
          petitionRef: `IDX-${process.pid}-${category.toUpperCase()}-${i}`,
          channel: i % 2 ? 'app' : 'window',
          category,
          kind: 'help',
          district: J,
          location: '金水区',
          text: '周指数测试留言，一条一事。',
          contact: { name: '指数市民', phone: '13900001111' },
          receivedAt: receivedAt.toISOString(),
        });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      caseIds.push(res.body.caseId as string);
    });
    assert.equal(caseIds.length, 268);

    // The petition office handles what the table routes nowhere: it accepts and replies to 240, and 156 are rated.
    const holder = petitionActors.handler('petition-office', J);
    await inBatches(caseIds.slice(0, REPLIED), 8, async (caseId) => {
      const c = new PetitionDriver(live.env.client, caseId);
      await c.waitForStage('awaiting-acceptance', 60_000, (s) => s.openTask?.kind === 'acceptance');
      await c.act('accept', { actor: holder });
      await c.act('reply', { actor: holder, summaryRef: `R-${caseId.slice(-6)}` });
    });
    await inBatches(caseIds.slice(0, COMPLETED), 8, async (caseId) => {
      const c = new PetitionDriver(live.env.client, caseId);
      await c.waitForStage('replied', 60_000, (s) => s.openTask?.kind === 'rating');
      await c.act('rate', { actor: petitionActors.officeClerk(J), satisfied: true });
    });
    // The registry is written by the cases' own activities: wait until it shows every completion.
    for (let i = 0; i < 200 && (await countedInPostgres(week)).completed < COMPLETED; i += 1) {
      await new Promise((r) => setTimeout(r, 100));
    }

    const computed = await request(live.app)
      .post(`${INDEX}/recompute`)
      .set('Authorization', await supervisor())
      .send({ week });
    assert.equal(computed.status, 200, JSON.stringify(computed.body));
    const index = computed.body as {
      received: number;
      replied: number;
      completed: number;
      categories: Array<{ category: string; count: number; percent: number }>;
      computations: number;
    };
    assert.deepEqual([index.received, index.replied, index.completed], [268, REPLIED, COMPLETED]);
    assert.deepEqual(
      index.categories.map((c) => c.count),
      [70, 56, 43, 38, 21, 16, 11, 13],
    );
    assert.deepEqual(
      index.categories.map((c) => c.percent),
      [26, 21, 16, 14, 8, 6, 4, 5],
    );
    const direct = await countedInPostgres(week);
    assert.deepEqual(
      [index.received, index.replied, index.completed, index.categories.map((c) => c.count)],
      [direct.received, direct.replied, direct.completed, direct.counts],
    );
  });

  it('recomputing gives the same row; a late window post for the week is counted when the week is recomputed', async function () {
    const auth = await supervisor();
    const before = (await request(live.app).get(`${INDEX}?week=${week}`).set('Authorization', auth)).body;
    const again = await request(live.app)
      .post(`${INDEX}/recompute`)
      .set('Authorization', auth)
      .send({ week });
    assert.equal(again.status, 200);
    assert.deepEqual(
      { ...again.body, computedAt: undefined, computations: undefined },
      { ...before, computedAt: undefined, computations: undefined },
    );
    assert.equal(again.body.computations, before.computations + 1);
    assert.equal(
      (await live.db('onething.petition_weekly_index').where({ week })).length,
      1,
      'one row per week',
    );

    const late = await request(live.app)
      .post('/v1/petitions')
      .set('Authorization', await office())
      .send({
        petitionRef: `IDX-${process.pid}-LATE`,
        channel: 'window',
        category: 'heating',
        kind: 'complaint',
        district: J,
        location: '金水区',
        text: '窗口登记的纸质来信，补录。',
        contact: { name: '指数市民', phone: '13900001111' },
        receivedAt: beijingWeek(week)!.startsAt,
      });
    assert.equal(late.status, 201);
    for (let i = 0; i < 100 && (await countedInPostgres(week)).received < 269; i += 1) {
      await new Promise((r) => setTimeout(r, 100));
    }
    const recounted = await request(live.app)
      .post(`${INDEX}/recompute`)
      .set('Authorization', auth)
      .send({ week });
    assert.equal(recounted.body.received, 269);
    assert.equal(
      recounted.body.categories.find((c: { category: string }) => c.category === 'heating').count,
      17,
    );
    assert.equal(recounted.body.received, (await countedInPostgres(week)).received);
  });

  it('the Monday schedule computes the week before its scheduled time (backfilled runs)', async function () {
    await ensureSchedules(live.env.client, processSchedules(live.taskQueue));
    // A second start-up updates, never duplicates.
    await ensureSchedules(live.env.client, processSchedules(live.taskQueue));
    const schedule = live.env.client.schedule.getHandle(PETITION_INDEX_SCHEDULE_ID);
    const described = await schedule.describe();
    assert.equal(described.spec.timezone, 'Asia/Shanghai');

    // Runs the platform missed: this Monday's (for last week) and the Monday three weeks back, each computing the
    // week before the time it stands in for, not the week it actually ran in.
    const mondayRun = Date.parse(beijingWeek(week)!.startsAt) + 1_800_000;
    // Before 00:30 on a Monday this week's run is still to come: the last one taken was a week earlier.
    const thisMonday = mondayRun <= Date.now() ? mondayRun : mondayRun - 7 * 86_400_000;
    const monday = thisMonday - 21 * 86_400_000;
    await schedule.backfill(
      [thisMonday, monday].map((at) => ({
        start: new Date(at - 60_000),
        end: new Date(at + 60_000),
        overlap: 'ALLOW_ALL' as const,
      })),
    );
    const lastWeek = weekBefore(new Date(thisMonday));
    const missed = weekBefore(new Date(monday));
    for (let i = 0; i < 600; i += 1) {
      const rows = await live.db('onething.petition_weekly_index').whereIn('week', [lastWeek, missed]);
      if (rows.length === 2) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const auth = await supervisor();
    for (const name of [lastWeek, missed]) {
      const res = await request(live.app).get(`${INDEX}?week=${name}`).set('Authorization', auth);
      assert.equal(res.status, 200, `${name}: ${JSON.stringify(res.body)}`);
      assert.equal(res.body.received, (await countedInPostgres(name)).received);
    }
    const future = await request(live.app).get(`${INDEX}?week=2999-W01`).set('Authorization', auth);
    assert.equal(future.status, 400);
    await schedule.delete();
  });

  it('draws the index a reader opens in a browser: a bar per category, to scale', async function () {
    const server: Server = live.app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as AddressInfo;
    const browser = await openBrowser();
    try {
      await browser.page.setExtraHTTPHeaders({ Authorization: await supervisor() });
      const answer = await browser.page.goto(`http://127.0.0.1:${port}${INDEX}.svg?week=${week}`);
      assert.equal(answer?.status(), 200);
      assert.match(answer?.headers()['content-type'] ?? '', /image\/svg\+xml/);
      assert.equal(await browser.page.locator('g.category').count(), 8);
      const bar = (category: string) =>
        browser.page.locator(`g.category[data-category="${category}"] rect`).boundingBox();
      const [traffic, medical] = [(await bar('traffic'))!, (await bar('medical-social-security'))!];
      assert.ok(traffic.width > 6 * medical.width, 'bars drawn to scale: 26% against 4%');
      assert.match((await browser.page.locator('text.totals').textContent()) ?? '', /收到 269/);
    } finally {
      await browser.close();
      server.close();
    }
  });
});
