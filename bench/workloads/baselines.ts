/** The baselines' cases, started and driven with the raw client (no API in between). */
import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { decideUpdate } from '../baselines/workflows';
import { BASELINE_TASK_QUEUE, BASELINE_WORKFLOWS, type CaseShape } from '../baselines/shape';
import type { CaseRunner } from '../closed-loop';

export type BaselineName = 'W0' | 'W1' | 'WR';

export function baselineRunner(client: Client, name: BaselineName, shape: CaseShape): CaseRunner {
  return async () => {
    const workflowId = `bench-${name}-${randomUUID()}`;
    const options = { workflowId, taskQueue: BASELINE_TASK_QUEUE };
    if (name === 'W0') await client.workflow.execute(BASELINE_WORKFLOWS.noop, options);
    else if (name === 'W1') await client.workflow.execute(BASELINE_WORKFLOWS.oneActivity, options);
    else {
      const handle = await client.workflow.start(BASELINE_WORKFLOWS.retrofitShaped, {
        ...options,
        args: [shape],
      });
      // As the household's clerk does: each decision once the one before it has been answered.
      for (let i = 0; i < shape.updates; i++) await handle.executeUpdate(decideUpdate);
      await handle.result();
    }
    return workflowId;
  };
}
