/** How every process's routes answer a start and read a case, so each route says only what is its own. */
import type { Client } from '@temporalio/client';
import type { QueryDefinition } from '@temporalio/common';
import type { Response } from 'express';

/** 201 with Location for a case just started; 200 for the one already under that business key. */
export function answerStarted(
  res: Response,
  collectionPath: string,
  started: { workflowId: string; status: 'started' | 'existing' },
  body: Record<string, unknown>,
): void {
  const location = `${collectionPath}/${encodeURIComponent(started.workflowId)}`;
  res
    .status(started.status === 'started' ? 201 : 200)
    .location(location)
    .json({ ...body, status: started.status, links: { self: location } });
}

/**
 * A case's state and Temporal status. A finished case answers from its recorded result, which needs no worker;
 * a running one from its query.
 */
export async function readCase<State>(
  client: Client,
  workflowId: string,
  stateQuery: QueryDefinition<State>,
): Promise<{ state: State; workflowStatus: string }> {
  const handle = client.workflow.getHandle<(...args: unknown[]) => Promise<State>>(workflowId);
  const { status } = await handle.describe();
  const state = status.name === 'COMPLETED' ? await handle.result() : await handle.query(stateQuery);
  return { state, workflowStatus: status.name };
}
