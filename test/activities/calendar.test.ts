import assert from 'node:assert/strict';
import { PostgresCalendar } from '../../activities/adapters/calendar/postgres';
import type { Db } from '../../activities/db/connection';
import { createDeadlineActivities } from '../../activities/deadlines';
import { openTestDb } from '../helpers/database';

describe('working-day calendar (PostgreSQL over the calendar package)', function () {
  let db: Db;
  // A year of its own per run, far off, so runs sharing a database never see each other's schedule.
  const year = 2090 + (process.pid % 9);

  before(() => {
    db = openTestDb();
  });
  after(async () => {
    await db('onething.calendar_years').where({ year }).delete();
    await db?.destroy();
  });

  it('serves the package’s years, and none for a year nobody has published', async function () {
    const calendar = new PostgresCalendar(db);
    assert.equal((await calendar.scheduleFor(2026))?.source, 'package');
    assert.equal(await calendar.scheduleFor(year), undefined);
  });

  it('a deadline running into 2027 is provisional until the city loads 2027, then counts its holidays', async function () {
    const calendar = new PostgresCalendar(db);
    const deadlines = createDeadlineActivities(calendar);
    assert.equal(
      await calendar.scheduleFor(2027),
      undefined,
      'nobody has loaded 2027 in this run’s database',
    );
    // Thursday 24 December 2026: 25, 28, 29, 30, 31 December, then 1, 4, 5, 6, 7 January on weekdays alone.
    const from = '2026-12-24T02:00:00.000Z';
    const provisional = await deadlines.computeWorkingDayDeadline({ from, workingDays: 10 });
    assert.deepEqual([provisional.lastDay, provisional.unpublishedYears], ['2027-01-07', [2027]]);
    try {
      // Test data in the notice's shape (New Year's Day, Friday 1 January, and the weekend after it off).
      await calendar.publishYear({
        year: 2027,
        holidays: ['2027-01-01', '2027-01-02', '2027-01-03'],
        makeUpWorkdays: [],
        publishedBy: 'sup-calendar',
      });
      const counted = await deadlines.computeWorkingDayDeadline({ from, workingDays: 10 });
      assert.deepEqual([counted.lastDay, counted.unpublishedYears], ['2027-01-08', []]);
      assert.equal(counted.dueAt, '2027-01-08T16:00:00.000Z', '24:00 Beijing on the last day');
    } finally {
      await db('onething.calendar_years').where({ year: 2027 }).delete();
    }
  });

  it('a year the city loads overrides the package and changes deadlines computed after it', async function () {
    const calendar = new PostgresCalendar(db);
    const deadlines = createDeadlineActivities(calendar);
    const from = `${year - 1}-12-30T02:00:00.000Z`;
    const before = await deadlines.computeWorkingDayDeadline({ from, workingDays: 5 });
    assert.deepEqual(before.unpublishedYears.includes(year), true);

    const loaded = await calendar.publishYear({
      year,
      holidays: [`${year}-01-01`, `${year}-01-02`, `${year}-01-03`, `${year}-01-04`],
      makeUpWorkdays: [],
      publishedBy: 'sup-calendar',
    });
    assert.equal(loaded.source, 'city');
    assert.deepEqual(loaded.holidays, [`${year}-01-01`, `${year}-01-02`, `${year}-01-03`, `${year}-01-04`]);
    const after = await deadlines.computeWorkingDayDeadline({ from, workingDays: 5 });
    assert.equal(after.unpublishedYears.includes(year), false);
    assert.ok(after.lastDay > before.lastDay, `${after.lastDay} after ${before.lastDay}`);

    // Loading the year again replaces it.
    await calendar.publishYear({
      year,
      holidays: [`${year}-01-01`],
      makeUpWorkdays: [],
      publishedBy: 'sup-calendar',
    });
    assert.deepEqual((await calendar.scheduleFor(year))?.holidays, [`${year}-01-01`]);
  });
});
