import assert from 'node:assert/strict';
import fc from 'fast-check';
import { beijingWeek, beijingWeekOf, weekBefore } from '../../workflows/kit/beijing-week';
import { PETITION_CATEGORIES, type PetitionCategory } from '../../processes/petitions/workflow/contract';
import { categoryShares } from '../../processes/petitions/workflow/weekly-index';

const counts = (values: number[]) =>
  Object.fromEntries(PETITION_CATEGORIES.map((c, i) => [c, values[i] ?? 0])) as Record<
    PetitionCategory,
    number
  >;

describe('weekly index: Beijing weeks and category shares', function () {
  it('reproduces the published week: 70/56/43/38/21/16/11/13 of 268 → 26/21/16/14/8/6/4/5%', function () {
    const shares = categoryShares(counts([70, 56, 43, 38, 21, 16, 11, 13]));
    assert.deepEqual(
      shares.map((s) => s.percent),
      [26, 21, 16, 14, 8, 6, 4, 5],
    );
  });

  it('percents always sum to 100, each within one point of its exact share', function () {
    fc.assert(
      fc.property(fc.array(fc.nat(5000), { minLength: 8, maxLength: 8 }), (values) => {
        const total = values.reduce((a, b) => a + b, 0);
        const shares = categoryShares(counts(values));
        if (total === 0) return shares.every((s) => s.percent === 0);
        assert.equal(
          shares.reduce((sum, s) => sum + s.percent, 0),
          100,
        );
        for (const s of shares) assert.ok(Math.abs(s.percent - (s.count * 100) / total) < 1);
        return true;
      }),
    );
  });

  it('ties go to the larger count, then to the published order', function () {
    // Three equal thirds: 33.33 each, one point missing, to the first in order.
    assert.deepEqual(
      categoryShares(counts([1, 1, 1]))
        .map((s) => s.percent)
        .slice(0, 3),
      [34, 33, 33],
    );
    // 1 and 3 of 200: remainders of 0.5 each, one point missing; the larger count takes it, not the first.
    assert.deepEqual(
      categoryShares(counts([1, 3, 196]))
        .map((s) => s.percent)
        .slice(0, 3),
      [0, 2, 98],
    );
  });

  it('weeks run Monday to Sunday on the Beijing calendar', function () {
    assert.deepEqual(beijingWeek('2026-W49'), {
      week: '2026-W49',
      startsAt: '2026-11-29T16:00:00.000Z',
      endsAt: '2026-12-06T16:00:00.000Z',
    });
    // Sunday 23:30 Beijing is still the week; Monday 00:00 Beijing is the next.
    assert.equal(beijingWeekOf(new Date('2026-12-06T15:30:00.000Z')), '2026-W49');
    assert.equal(beijingWeekOf(new Date('2026-12-06T16:00:00.000Z')), '2026-W50');
    // Years whose first days belong to the last year's week, and a year with 53 weeks.
    assert.equal(beijingWeekOf(new Date('2027-01-01T04:00:00.000Z')), '2026-W53');
    assert.equal(beijingWeek('2026-W53')?.startsAt, '2026-12-27T16:00:00.000Z');
    assert.equal(beijingWeek('2025-W53'), undefined);
    assert.equal(beijingWeek('2026-W00'), undefined);
    assert.equal(beijingWeek('2026-49'), undefined);
    assert.equal(weekBefore(new Date('2026-11-30T16:30:00.000Z')), '2026-W48');
  });

  it('every instant lies in the week it is named by', function () {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
        (at) => {
          const week = beijingWeek(beijingWeekOf(at))!;
          return Date.parse(week.startsAt) <= at.getTime() && at.getTime() < Date.parse(week.endsAt);
        },
      ),
    );
  });
});
