import type { CalendarPort } from './adapters/calendar/port';
import { addWorkingDays, type YearSchedule } from './calendar/working-days';

interface DeadlineRequest {
  /** When the period starts (ISO instant); that day itself is not counted. */
  from: string;
  workingDays: number;
}

interface Deadline {
  from: string;
  workingDays: number;
  /** The last working day (YYYY-MM-DD, Beijing) and the instant the period closes (24:00 Beijing that day). */
  lastDay: string;
  dueAt: string;
  /** Years without a published holiday schedule that the period runs through: the deadline is provisional. */
  unpublishedYears: number[];
}

/** Years a period of this length can reach: a year has about 245 working days, so one more year per 200 is ample. */
const yearsReached = (from: Date, workingDays: number): number[] => {
  const first = from.getUTCFullYear();
  return Array.from({ length: 2 + Math.floor(workingDays / 200) }, (_, i) => first + i);
};

/**
 * Working-day deadlines, computed outside workflow code and recorded in history by the activity's result, so a
 * calendar loaded later never changes a deadline already recorded, and never breaks replay.
 */
export function createDeadlineActivities(calendar: CalendarPort) {
  return {
    async computeWorkingDayDeadline(request: DeadlineRequest): Promise<Deadline> {
      const from = new Date(request.from);
      const schedules = new Map<number, YearSchedule | undefined>();
      for (const year of yearsReached(from, request.workingDays)) {
        schedules.set(year, await calendar.scheduleFor(year));
      }
      return { ...request, ...addWorkingDays(from, request.workingDays, (year) => schedules.get(year)) };
    },
  };
}
