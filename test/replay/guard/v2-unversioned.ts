/** Replay-guard fixture, version 2 without a patch: an activity inserted between the timers. */
import { proxyActivities, sleep } from '@temporalio/workflow';

const { notifyResident } = proxyActivities<{ notifyResident(): Promise<void> }>({
  startToCloseTimeout: '10 seconds',
});

export async function replayGuard(): Promise<string> {
  await sleep('1 minute');
  await notifyResident();
  await sleep('2 minutes');
  return 'done';
}
