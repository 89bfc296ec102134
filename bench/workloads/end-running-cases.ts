/**
 * Ends every case still running on the platform's task queue — in the bench's scratch stack, only its own: the
 * households parked by the start measurement, childcare providers waiting for their yearly evaluation, petitions
 * waiting out their review window. The worker's sticky cache holds each of them until it is full; a memory
 * measurement begun on a full cache would see the cases it parks evict older ones rather than add to the heap.
 */
import { WorkflowNotFoundError } from '@temporalio/client';
import type { BenchStack } from '../stack';

const WITHIN_MS = 5 * 60_000;
const AT_ONCE = 16;

/** Terminates them, and waits until visibility lists none running; resolves with how many it ended. */
export async function endRunningCases(stack: BenchStack): Promise<number> {
  const query = `ExecutionStatus = "Running" AND TaskQueue = "${stack.taskQueue}"`;
  const deadline = Date.now() + WITHIN_MS;
  let ended = 0;
  for (;;) {
    const running: string[] = [];
    for await (const execution of stack.client.workflow.list({ query })) running.push(execution.workflowId);
    if (running.length === 0) return ended;
    if (Date.now() > deadline)
      throw new Error(
        `${running.length} cases still running on ${stack.taskQueue} after ${WITHIN_MS / 60_000} minutes`,
      );
    for (let i = 0; i < running.length; i += AT_ONCE) {
      const results = await Promise.all(
        running.slice(i, i + AT_ONCE).map(async (workflowId) => {
          try {
            await stack.client.workflow
              .getHandle(workflowId)
              .terminate('bench: the memory measurement starts from an empty cache');
            return true;
          } catch (error) {
            // Visibility lags: a case ended a moment ago may still be listed as running.
            if (error instanceof WorkflowNotFoundError) return false;
            throw error;
          }
        }),
      );
      ended += results.filter(Boolean).length;
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}
