/** The petitions' Temporal Schedule: the weekly index (心通桥指数). */
import { PETITION_WORKFLOW_TYPES } from './workflow/contract';
import type { ScheduleOptions } from '@temporalio/client';

export const PETITION_INDEX_SCHEDULE_ID = 'petition-weekly-index';

/** Every Monday 00:30 Beijing, for the week just ended; a run missed by up to a week is still taken. */
export function petitionIndexSchedule(taskQueue: string): ScheduleOptions {
  return {
    scheduleId: PETITION_INDEX_SCHEDULE_ID,
    spec: { calendars: [{ dayOfWeek: 'MONDAY', hour: 0, minute: 30 }], timezone: 'Asia/Shanghai' },
    action: {
      type: 'startWorkflow',
      workflowType: PETITION_WORKFLOW_TYPES.weeklyIndex,
      workflowId: PETITION_INDEX_SCHEDULE_ID,
      taskQueue,
      args: [{}],
    },
    policies: { overlap: 'SKIP', catchupWindow: '7 days' },
    memo: { purpose: '心通桥指数：每周一计算上周（周一至周日，北京时间）的收件、回复、办结与分类占比' },
  };
}
