import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import type { SignalDefinition } from '@temporalio/common';
import type { Logger } from 'pino';
import { SEARCH_ATTRIBUTES, type District } from '../workflows/definitions';

interface CasesToWake {
  workflowType: string;
  district: District;
  stage: string;
  signal: SignalDefinition<[]>;
  /** Why, for the batch job's record in Temporal. */
  reason: string;
}

/**
 * Signals every running case of a workflow type in a district at a stage, as one batch job on the Temporal
 * server: durable once started, and paced by the server however many cases wait. Resolves the job ID, or
 * undefined when the job could not be started (the cases' own periodic look then catches up).
 */
export async function wakeCasesAtStage(
  client: Client,
  logger: Logger,
  target: CasesToWake,
): Promise<string | undefined> {
  const jobId = `wake:${target.signal.name}:${target.district}:${randomUUID()}`;
  const visibilityQuery = [
    `WorkflowType = '${target.workflowType}'`,
    `${SEARCH_ATTRIBUTES.district.name} = '${target.district}'`,
    `${SEARCH_ATTRIBUTES.stage.name} = '${target.stage}'`,
    `ExecutionStatus = 'Running'`,
  ].join(' AND ');
  try {
    await client.workflowService.startBatchOperation({
      namespace: client.options.namespace,
      jobId,
      reason: target.reason,
      visibilityQuery,
      signalOperation: { signal: target.signal.name, identity: client.options.identity },
    });
    return jobId;
  } catch (error) {
    logger.warn(
      { signal: target.signal.name, district: target.district, errorName: (error as Error).name },
      'could not start the batch job that wakes waiting cases; they look again on their own',
    );
    return undefined;
  }
}
