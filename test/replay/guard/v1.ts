/** Replay-guard fixture, version 1: two timers. */
import { sleep } from '@temporalio/workflow';

export async function replayGuard(): Promise<string> {
  await sleep('1 minute');
  await sleep('2 minutes');
  return 'done';
}
