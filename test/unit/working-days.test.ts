import assert from 'node:assert/strict';
import fc from 'fast-check';
import { packageSchedule } from '../../activities/calendar/package-schedules';
import { addWorkingDays, isWorkingDay, type YearSchedule } from '../../activities/calendar/working-days';

/** 10:00 Beijing time on the day. */
const at10 = (day: string) => new Date(`${day}T02:00:00Z`);
const published = (year: number) => packageSchedule(year);
/** Every day from `first` to `last`, inclusive (YYYY-MM-DD). */
const daysFrom = (first: string, last: string): string[] => {
  const days: string[] = [];
  for (let t = Date.parse(`${first}T00:00:00Z`); t <= Date.parse(`${last}T00:00:00Z`); t += 86_400_000) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
};

describe('working-day deadlines (the statutory calendar, start day not counted)', function () {
  it('2026 from the package: every holiday and make-up working day of the State Council’s notice, and no other', function () {
    const schedule = packageSchedule(2026)!;
    assert.equal(schedule.source, 'package');
    // 国务院办公厅关于2026年部分节假日安排的通知 (November 2025), typed in from the notice, not from the package.
    const holidays = [
      ['元旦', '2026-01-01', '2026-01-03'],
      ['春节', '2026-02-15', '2026-02-23'],
      ['清明节', '2026-04-04', '2026-04-06'],
      ['劳动节', '2026-05-01', '2026-05-05'],
      ['端午节', '2026-06-19', '2026-06-21'],
      ['中秋节', '2026-09-25', '2026-09-27'],
      ['国庆节', '2026-10-01', '2026-10-07'],
    ] as const;
    const makeUpWorkdays = [
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ];
    const offByNotice = new Set(holidays.flatMap(([, first, last]) => daysFrom(first, last)));
    assert.equal(offByNotice.size, 3 + 9 + 3 + 5 + 3 + 3 + 7, 'the notice’s 33 days off');
    const wrong: string[] = [];
    for (const day of daysFrom('2026-01-01', '2026-12-31')) {
      const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
      const working =
        makeUpWorkdays.includes(day) || (!offByNotice.has(day) && weekday !== 0 && weekday !== 6);
      if (isWorkingDay(day, schedule) !== working)
        wrong.push(`${day} should be ${working ? 'worked' : 'off'}`);
    }
    assert.deepEqual(wrong, []);
    assert.equal(
      packageSchedule(2027),
      undefined,
      'the package now carries 2027: check it against the notice as above, then move the 2027 tests on a year',
    );
  });

  it('received the day before the National Day holiday: the holiday is skipped', function () {
    const deadline = addWorkingDays(at10('2026-09-30'), 2, published);
    assert.equal(deadline.lastDay, '2026-10-09');
    assert.equal(deadline.dueAt, '2026-10-09T16:00:00.000Z', 'the close of the last day, 24:00 Beijing');
    assert.deepEqual(deadline.unpublishedYears, []);
  });

  it('a make-up working day counts, whether the period starts on it or runs through it', function () {
    assert.equal(addWorkingDays(at10('2026-09-20'), 1, published).lastDay, '2026-09-21');
    assert.equal(addWorkingDays(at10('2026-09-19'), 1, published).lastDay, '2026-09-20');
  });

  it('received on a holiday: counting starts the next day and skips the rest of the holiday', function () {
    assert.equal(addWorkingDays(at10('2026-10-03'), 3, published).lastDay, '2026-10-10');
  });

  it('the start day is not counted, even at one minute past midnight', function () {
    const justAfterMidnight = new Date('2026-11-30T16:01:00Z'); // 00:01 on Tuesday 1 December, Beijing
    assert.equal(addWorkingDays(justAfterMidnight, 1, published).lastDay, '2026-12-02');
  });

  it('a period reaching a year with no published schedule says so instead of guessing', function () {
    const deadline = addWorkingDays(at10('2026-12-30'), 5, published);
    assert.deepEqual(deadline.unpublishedYears, [2027]);
    assert.equal(deadline.lastDay, '2027-01-06', 'weekends alone skipped in 2027, and flagged');
  });

  it('once the 2027 schedule is loaded, the same period counts its holidays', function () {
    const city2027: YearSchedule = {
      year: 2027,
      holidays: ['2027-01-01', '2027-01-02', '2027-01-03'],
      makeUpWorkdays: [],
      source: 'city',
    };
    const withCity = (year: number) => (year === 2027 ? city2027 : published(year));
    const deadline = addWorkingDays(at10('2026-12-30'), 5, withCity);
    assert.equal(deadline.lastDay, '2027-01-07');
    assert.deepEqual(deadline.unpublishedYears, []);
    // A period that ends within 2026 is the same either way.
    assert.deepEqual(
      addWorkingDays(at10('2026-12-01'), 5, withCity),
      addWorkingDays(at10('2026-12-01'), 5, published),
    );
  });

  it('refuses a period that is not a whole number of working days ≥ 1', function () {
    for (const n of [0, -1, 1.5])
      assert.throws(() => addWorkingDays(at10('2026-12-01'), n, published), RangeError);
  });

  it('any start and length in 2026: the last day is a working day, exactly n of them after the start day', function () {
    const schedule = packageSchedule(2026)!;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 1, max: 30 }), (offset, n) => {
        const start = new Date(Date.UTC(2026, 0, 1, 2) + offset * 86_400_000);
        const deadline = addWorkingDays(start, n, published);
        if (deadline.lastDay.startsWith('2027')) return;
        assert.ok(isWorkingDay(deadline.lastDay, schedule));
        assert.ok(deadline.dueAt.endsWith('T16:00:00.000Z'));
        let counted = 0;
        for (let t = start.getTime() + 86_400_000; ; t += 86_400_000) {
          const day = new Date(t + 8 * 3_600_000).toISOString().slice(0, 10);
          if (isWorkingDay(day, schedule)) counted += 1;
          if (day === deadline.lastDay) break;
        }
        assert.equal(counted, n);
      }),
      { numRuns: 500 },
    );
  });
});
