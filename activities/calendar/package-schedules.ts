/**
 * The schedules the `chinese-days` package carries (State Council arrangements it has been updated with). A year
 * the package does not know has no holidays in it, and is reported as unknown rather than guessed.
 */
import { getHolidaysInRange, isWorkday } from 'chinese-days';
import type { YearSchedule } from './working-days';

const days = (year: number): string[] => {
  const all: string[] = [];
  for (let t = Date.UTC(year, 0, 1); new Date(t).getUTCFullYear() === year; t += 86_400_000) {
    all.push(new Date(t).toISOString().slice(0, 10));
  }
  return all;
};

const cache = new Map<number, YearSchedule | undefined>();

/** The package's schedule for the year (built once per year: the package's data does not change at run time). */
export function packageSchedule(year: number): YearSchedule | undefined {
  if (!cache.has(year)) cache.set(year, buildSchedule(year));
  return cache.get(year);
}

function buildSchedule(year: number): YearSchedule | undefined {
  // Every published year has statutory holidays on weekdays; none means the package has no schedule for it.
  const holidays = getHolidaysInRange(`${year}-01-01`, `${year}-12-31`, false);
  if (holidays.length === 0) return undefined;
  const makeUpWorkdays = days(year).filter((day) => {
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    return (weekday === 0 || weekday === 6) && isWorkday(day);
  });
  return { year, holidays, makeUpWorkdays, source: 'package' };
}
