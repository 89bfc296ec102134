/** Replay-guard fixture, version 2 done right: the new step behind patched(). */
import { patched, proxyActivities, sleep } from '@temporalio/workflow';

const { notifyResident } = proxyActivities<{ notifyResident(): Promise<void> }>({
  startToCloseTimeout: '10 seconds',
});

export async function replayGuard(): Promise<string> {
  await sleep('1 minute');
  if (patched('notify-resident')) await notifyResident();
  await sleep('2 minutes');
  return 'done';
}
