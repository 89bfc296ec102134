import type { History } from '@temporalio/common/lib/proto-utils';

/** Failed attempts Temporal retried: each ActivityTaskStarted records the attempt that finally completed. */
export function retriedAttempts(history: History): number {
  return (history.events ?? []).reduce(
    (sum, event) => sum + Math.max(0, (event.activityTaskStartedEventAttributes?.attempt ?? 1) - 1),
    0,
  );
}
