/**
 * ISO 8601 weeks (Monday to Sunday) on the Beijing calendar, for weekly figures such as the petitions' index:
 * `2026-W49` runs from Monday 00:00 to the next Monday 00:00 Beijing time (UTC+8, no daylight saving).
 */
import { BEIJING_OFFSET_MS, beijingDay, DAY_MS } from './clock';

export const ISO_WEEK_PATTERN = /^(\d{4})-W(\d{2})$/;

export interface BeijingWeek {
  week: string;
  /** Monday 00:00 Beijing, as an instant. */
  startsAt: string;
  /** The next Monday 00:00 Beijing: the week holds instants before this one. */
  endsAt: string;
}

/** The Beijing calendar day of an instant, as a UTC midnight (so that UTC date arithmetic is Beijing's). */
const beijingDate = (instant: Date): Date => new Date(beijingDay(instant));
/** Monday = 0 … Sunday = 6. */
const weekday = (date: Date): number => (date.getUTCDay() + 6) % 7;

/** The ISO week an instant falls in, on the Beijing calendar. */
export function beijingWeekOf(instant: Date): string {
  const date = beijingDate(instant);
  // The week belongs to the year of its Thursday.
  const thursday = new Date(date.getTime() + (3 - weekday(date)) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / DAY_MS / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The week's bounds; undefined for a string that is not an ISO week, or a week 53 its year does not have. */
export function beijingWeek(week: string): BeijingWeek | undefined {
  const match = ISO_WEEK_PATTERN.exec(week);
  if (!match) return undefined;
  const [year, number] = [Number(match[1]), Number(match[2])];
  // 4 January is always in week 1.
  const january4 = new Date(Date.UTC(year, 0, 4));
  const monday = january4.getTime() - weekday(january4) * DAY_MS + (number - 1) * 7 * DAY_MS;
  const startsAt = new Date(monday - BEIJING_OFFSET_MS);
  if (number < 1 || beijingWeekOf(startsAt) !== week) return undefined;
  return {
    week,
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 7 * DAY_MS).toISOString(),
  };
}

/** The last whole week before the one an instant falls in: what a Monday's index reports on. */
export function weekBefore(instant: Date): string {
  const { startsAt } = beijingWeek(beijingWeekOf(instant))!;
  return beijingWeekOf(new Date(Date.parse(startsAt) - DAY_MS));
}
