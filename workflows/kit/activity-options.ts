import { proxyActivities, type ActivityOptions } from '@temporalio/workflow';

/**
 * A call to a department system: short, retried with backoff for as long as the system is down, and never
 * retried when the department refuses on business grounds (those are non-retryable ApplicationFailures).
 */
const departmentCall: ActivityOptions = {
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
};

/**
 * Department calls of one kind, with the summary the Web UI shows on each: `departmentCalls<MyActivities>()('登记')`.
 * (Curried so the activity type is given once and the summary at each use.)
 */
export const departmentCalls =
  <Activities extends object>() =>
  (summary: string) =>
    proxyActivities<Activities>({ ...departmentCall, summary });
