/** The baselines' cases, started and driven with the raw client (no API in between). */
import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { decideUpdate } from '../baselines/workflows';
import { BASELINE_TASK_QUEUE, BASELINE_WORKFLOWS, updatePairOf, type CaseShape } from '../baselines/shape';
import type { SearchAttributePair } from '@temporalio/common';
import type { WaitNotices } from '../baselines/wait-notices';
import type { CaseRunner } from '../closed-loop';
import { startCasePoller, type WorkloadDriver } from './case-poller';

type BaselineName = 'W0' | 'W1' | 'WR';

const baselineWorkflowId = (name: BaselineName) => `bench-${name}-${randomUUID()}`;

/** W0 and W1: started and awaited, nobody in between. */
export function plainBaselineRunner(client: Client, name: 'W0' | 'W1'): CaseRunner {
  const workflowType = name === 'W0' ? BASELINE_WORKFLOWS.noop : BASELINE_WORKFLOWS.oneActivity;
  return async () => {
    const workflowId = baselineWorkflowId(name);
    await client.workflow.execute(workflowType, { workflowId, taskQueue: BASELINE_TASK_QUEUE });
    return workflowId;
  };
}

interface AwaitingDecisions {
  /** Decisions answered so far. */
  decided: number;
  /** The decision the case was last told to wait for, if not yet answered. */
  waitingFor?: number;
  deciding: boolean;
  done: () => void;
  fail: (error: Error) => void;
}

/**
 * WR, driven as the household's clerk drives a household: each decision on the first tick after the case is known
 * to wait for it, so that it wakes an idle workflow as a person's does rather than riding in a workflow task the
 * case had anyway. The case tells of its wait through a sink (`baselines/wait-notices`), which costs the server
 * nothing; the clerk's read of the task list, by contrast, is counted in the household's API and PostgreSQL.
 */
export function retrofitShapedDriver(client: Client, notices: WaitNotices, shape: CaseShape): WorkloadDriver {
  const inFlight = new Map<string, AwaitingDecisions>();
  const stopListening = notices.listen(({ workflowId, decision }) => {
    const waiting = inFlight.get(workflowId);
    if (waiting) waiting.waitingFor = decision;
  });

  const decide = async (workflowId: string, waiting: AwaitingDecisions) => {
    waiting.deciding = true;
    await client.workflow.getHandle(workflowId).executeUpdate(decideUpdate);
    waiting.decided += 1;
    waiting.deciding = false;
    if (waiting.decided === shape.updates) {
      inFlight.delete(workflowId);
      waiting.done();
    }
  };

  const tick = async () => {
    const due = [...inFlight].filter(
      ([, waiting]) => !waiting.deciding && waiting.waitingFor === waiting.decided,
    );
    await Promise.all(due.map(([workflowId, waiting]) => decide(workflowId, waiting)));
  };

  const poller = startCasePoller(inFlight, tick);
  const startExtras = shape.attributes
    ? {
        typedSearchAttributes: shape.attributes.atStart.map(updatePairOf) as SearchAttributePair[],
        staticSummary: 's'.repeat(1 + shape.attributes.startSummaryPadding),
      }
    : {};

  const runner: CaseRunner = async () => {
    poller.throwIfFailed();
    const workflowId = baselineWorkflowId('WR');
    // Listened for before the start, so that a notice arriving before the start's answer finds the case.
    const decided =
      shape.updates > 0
        ? new Promise<void>((done, fail) =>
            inFlight.set(workflowId, { decided: 0, deciding: false, done, fail }),
          )
        : Promise.resolve();
    decided.catch(() => undefined); // awaited below, once started; a failure meanwhile is not unhandled
    const handle = await client.workflow
      .start(BASELINE_WORKFLOWS.retrofitShaped, {
        workflowId,
        taskQueue: BASELINE_TASK_QUEUE,
        args: [shape],
        ...startExtras,
      })
      .catch((error: unknown) => {
        inFlight.delete(workflowId);
        throw error;
      });
    await decided;
    await handle.result();
    return workflowId;
  };
  return {
    runner,
    stop: async () => {
      stopListening();
      await poller.stop();
    },
  };
}

/** WR drivers for several shapes (WR, WRP), stopped together. */
export function retrofitShapedRunners(client: Client, notices: WaitNotices) {
  const drivers: WorkloadDriver[] = [];
  return {
    runnerFor(shape: CaseShape): CaseRunner {
      const driver = retrofitShapedDriver(client, notices, shape);
      drivers.push(driver);
      return driver.runner;
    },
    async stop(): Promise<void> {
      for (const driver of drivers) await driver.stop();
    },
  };
}
