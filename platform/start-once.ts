import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { WorkflowIdConflictPolicy, WorkflowIdReusePolicy } from '@temporalio/common';
import type { CaseStart } from '../workflows/kit/case-start';

type StartStatus = 'started' | 'existing';

/**
 * Starts a case whose workflow ID is a business key, once ever: a repeat, while it runs or after it finished, is
 * refused by the server and reported as `existing` instead of starting a second one. Used by the API (a clerk's
 * request) and by activities that start cases in bulk (a campaign's backlog).
 */
export async function startOnce<Input>(
  client: Client,
  taskQueue: string,
  start: CaseStart<Input>,
): Promise<{ workflowId: string; status: StartStatus }> {
  try {
    await client.workflow.start(start.workflowType, {
      workflowId: start.workflowId,
      taskQueue,
      args: [start.input],
      staticSummary: start.staticSummary,
      typedSearchAttributes: start.typedSearchAttributes,
      workflowIdConflictPolicy: WorkflowIdConflictPolicy.FAIL,
      workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
    });
    return { workflowId: start.workflowId, status: 'started' };
  } catch (error) {
    if (error instanceof WorkflowExecutionAlreadyStartedError) {
      return { workflowId: start.workflowId, status: 'existing' };
    }
    throw error;
  }
}
