/**
 * The processes' Temporal Schedules, created or brought up to date at start-up (idempotent: a running platform, a
 * second machine or a restart all leave one schedule per ID). Each process declares its own (processes/<name>).
 */
import { ScheduleAlreadyRunning, type Client, type ScheduleOptions } from '@temporalio/client';

/** Creates each schedule, or updates it to this version's spec and action; returns their IDs. */
export async function ensureSchedules(
  client: Client,
  schedules: readonly ScheduleOptions[],
): Promise<string[]> {
  for (const options of schedules) {
    try {
      await client.schedule.create(options);
    } catch (error) {
      if (!(error instanceof ScheduleAlreadyRunning)) throw error;
      await client.schedule.getHandle(options.scheduleId).update((previous) => ({
        ...previous,
        spec: options.spec,
        action: options.action,
        policies: { ...previous.policies, ...options.policies },
      }));
    }
  }
  return schedules.map((options) => options.scheduleId);
}
