import { temporal } from '@temporalio/proto';
import type { History } from '@temporalio/common/lib/proto-utils';
import { tsToDate } from '@temporalio/common/lib/time';

/** Failed attempts Temporal retried: each ActivityTaskStarted records the attempt that finally completed. */
export function retriedAttempts(history: History): number {
  return (history.events ?? []).reduce(
    (sum, event) => sum + Math.max(0, (event.activityTaskStartedEventAttributes?.attempt ?? 1) - 1),
    0,
  );
}

/** An activity that needed more than one attempt, as its history tells it. */
export interface RetriedActivity {
  activityType: string;
  /** The attempt that finally ran (2 or more). */
  attempt: number;
  /** How the attempt before it ended, as the server recorded it. */
  lastFailure: 'start-to-close-timeout' | 'other-timeout' | 'failure';
  /** When the activity finally completed, if it did. */
  completedAt?: Date;
}

const START_TO_CLOSE = temporal.api.enums.v1.TimeoutType.TIMEOUT_TYPE_START_TO_CLOSE;

export function retriedActivities(history: History): RetriedActivity[] {
  const events = history.events ?? [];
  const byId = new Map(events.map((event) => [Number(event.eventId), event]));
  const completedAt = new Map<number, Date>();
  for (const event of events) {
    const completed = event.activityTaskCompletedEventAttributes;
    if (completed && event.eventTime)
      completedAt.set(Number(completed.startedEventId), tsToDate(event.eventTime));
  }
  const retried: RetriedActivity[] = [];
  for (const event of events) {
    const started = event.activityTaskStartedEventAttributes;
    if (!started || (started.attempt ?? 1) < 2) continue;
    const scheduled = byId.get(Number(started.scheduledEventId))?.activityTaskScheduledEventAttributes;
    const timeout = started.lastFailure?.timeoutFailureInfo;
    const at = completedAt.get(Number(event.eventId));
    retried.push({
      activityType: scheduled?.activityType?.name ?? '(unknown)',
      attempt: started.attempt ?? 1,
      lastFailure: !timeout
        ? 'failure'
        : timeout.timeoutType === START_TO_CLOSE
          ? 'start-to-close-timeout'
          : 'other-timeout',
      ...(at ? { completedAt: at } : {}),
    });
  }
  return retried;
}
