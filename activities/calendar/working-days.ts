/**
 * Deadlines counted in working days, as Chinese procedure counts them: the day a period starts is not counted
 * (期间开始之日不计算在内); statutory holidays are skipped and make-up working days (调休上班) count; the deadline
 * ends at the close of its last working day (24:00 Beijing time). Pure: the schedules come from outside.
 */
import { beijingDay } from '../../workflows/kit/clock';

/** One year's published schedule: its statutory holidays and its make-up working days (YYYY-MM-DD). */
export interface YearSchedule {
  year: number;
  holidays: readonly string[];
  makeUpWorkdays: readonly string[];
  /** Where the schedule came from: the city's own publication, or the calendar package's data. */
  source: 'city' | 'package';
}

type ScheduleOf = (year: number) => YearSchedule | undefined;

interface WorkingDayDeadline {
  /** The last working day of the period (YYYY-MM-DD, Beijing). */
  lastDay: string;
  /** When the period ends: the close of its last day, 24:00 Beijing time, as an ISO instant. */
  dueAt: string;
  /**
   * Years the period runs through whose holiday schedule is not published: weekends alone were skipped there,
   * so the deadline is provisional until the schedule is loaded. Empty when every year was known.
   */
  unpublishedYears: number[];
}

const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);

/** Whether the day is a working day under its year's schedule (weekdays only where no schedule is known). */
export function isWorkingDay(day: string, schedule: YearSchedule | undefined): boolean {
  if (schedule?.makeUpWorkdays.includes(day)) return true;
  if (schedule?.holidays.includes(day)) return false;
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday >= 1 && weekday <= 5;
}

/** The deadline `workingDays` working days after `start` (an instant), the start day not counted. */
export function addWorkingDays(start: Date, workingDays: number, scheduleOf: ScheduleOf): WorkingDayDeadline {
  if (!Number.isInteger(workingDays) || workingDays < 1) {
    throw new RangeError('workingDays must be a whole number ≥ 1');
  }
  const unpublished = new Set<number>();
  let day = beijingDay(start);
  for (let counted = 0; counted < workingDays;) {
    day = nextDay(day);
    const year = Number(day.slice(0, 4));
    const schedule = scheduleOf(year);
    if (!schedule) unpublished.add(year);
    if (isWorkingDay(day, schedule)) counted += 1;
  }
  const close = Date.parse(`${nextDay(day)}T00:00:00Z`) - BEIJING_OFFSET_MS;
  return { lastDay: day, dueAt: new Date(close).toISOString(), unpublishedYears: [...unpublished].sort() };
}
