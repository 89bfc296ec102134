/**
 * Deadlines of human steps. Calendar days are workflow-time arithmetic; working days follow the statutory
 * calendar, which changes as each year is published, so they are computed in an activity and recorded in history:
 * a calendar loaded later never moves a deadline already set, and never breaks replay.
 */
import type { PlatformActivities } from '../../activities';
import { departmentCalls } from './activity-options';
import type { Due } from './case-state';
import { daysAfter, inDays, now } from './clock';

const { computeWorkingDayDeadline } = departmentCalls<PlatformActivities>()('按法定工作日计算办理时限');

/** The deadline `days` calendar days after `from` (now by default), known without asking anyone. */
export function calendarDue(days: number, from?: string): Due {
  return { dueAt: from ? daysAfter(from, days) : inDays(days) };
}

/**
 * The deadline `amount` days after `from` (now by default): calendar days, or working days with the start day not
 * counted.
 */
export async function dueIn(
  amount: number,
  unit: 'calendar-days' | 'working-days' = 'calendar-days',
  from?: string,
): Promise<Due> {
  if (unit === 'calendar-days') return calendarDue(amount, from);
  const deadline = await computeWorkingDayDeadline({ from: from ?? now(), workingDays: amount });
  return {
    dueAt: deadline.dueAt,
    ...(deadline.unpublishedYears.length > 0 ? { provisionalYears: deadline.unpublishedYears } : {}),
  };
}

/**
 * A deadline that follows a missed one (the next rung of a ladder): counted from the instant the missed one ran
 * out, as if noticed on time, so a rung that also passed long ago is seen as passed.
 */
export function dueAfter(
  missedDueAt: string,
  amount: number,
  unit: 'calendar-days' | 'working-days' = 'calendar-days',
): Promise<Due> {
  return dueIn(amount, unit, missedDueAt);
}
