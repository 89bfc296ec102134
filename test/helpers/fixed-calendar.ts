/**
 * A fixed year for tests whose deadlines are worked out by hand: 2037, whose 1 October is a Thursday as in 2026,
 * loaded into this run's database with the shape of the State Council's 2026 notice (New Year's Day, and National
 * Day 1–7 October with make-up working days on Sunday 20 September and Saturday 10 October). Test data, not a
 * published schedule. The time-skipping server starts at the wall clock and only moves forward, so a test moves
 * it to a fixed instant of that year first.
 */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Adapters } from '../../activities/adapters';
import type { Db } from '../../activities/db/connection';

export const FIXED_YEAR = 2037;

export async function loadFixedYear(adapters: Adapters): Promise<void> {
  await adapters.calendar.publishYear({
    year: FIXED_YEAR,
    holidays: [
      '2037-01-01',
      '2037-01-02',
      '2037-01-03',
      ...['01', '02', '03', '04', '05', '06', '07'].map((day) => `2037-10-${day}`),
    ],
    makeUpWorkdays: ['2037-09-20', '2037-10-10'],
    publishedBy: 'test-fixed-year',
  });
}

/** Removes the fixed year, and the year after it, which the tests need unpublished. */
export async function unloadFixedYears(db: Db): Promise<void> {
  await db('onething.calendar_years')
    .whereIn('year', [FIXED_YEAR, FIXED_YEAR + 1])
    .delete();
}

/** 10:00 Beijing time on the day (YYYY-MM-DD), as an ISO instant. */
export const tenInTheMorning = (day: string) => `${day}T02:00:00.000Z`;

/** The close of a working day (24:00 Beijing), as a deadline records it. */
export const closeOf = (day: string) => `${day}T16:00:00.000Z`;

/** Moves the server's clock forward to the instant; refuses to run once the wall clock has passed it. */
export async function sleepUntil(env: TestWorkflowEnvironment, instant: string): Promise<void> {
  const now = await env.currentTimeMs();
  const target = Date.parse(instant);
  if (target <= now) throw new Error(`the fixed instant ${instant} has passed: move FIXED_YEAR on`);
  await env.sleep(target - now);
}
