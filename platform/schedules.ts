/**
 * The platform's Temporal Schedules, created or brought up to date at start-up (idempotent: a running platform, a
 * second machine or a restart all leave one schedule per ID). Today there is one: the petitions' weekly index.
 */
import { ScheduleAlreadyRunning, type Client, type ScheduleOptions } from '@temporalio/client';
import { WORKFLOW_TYPES } from '../workflows/registry';

export const PETITION_INDEX_SCHEDULE_ID = 'petition-weekly-index';

/** Every Monday 00:30 Beijing, for the week just ended; a run missed by up to a week is still taken. */
export function petitionIndexSchedule(taskQueue: string): ScheduleOptions {
  return {
    scheduleId: PETITION_INDEX_SCHEDULE_ID,
    spec: { calendars: [{ dayOfWeek: 'MONDAY', hour: 0, minute: 30 }], timezone: 'Asia/Shanghai' },
    action: {
      type: 'startWorkflow',
      workflowType: WORKFLOW_TYPES.petitionWeeklyIndex,
      workflowId: PETITION_INDEX_SCHEDULE_ID,
      taskQueue,
      args: [{}],
    },
    policies: { overlap: 'SKIP', catchupWindow: '7 days' },
    memo: { purpose: '心通桥指数：每周一计算上周（周一至周日，北京时间）的收件、回复、办结与分类占比' },
  };
}

/** Creates the schedules the platform needs, or updates them to this version's spec and action. */
export async function ensureSchedules(client: Client, taskQueue: string): Promise<void> {
  const options = petitionIndexSchedule(taskQueue);
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
