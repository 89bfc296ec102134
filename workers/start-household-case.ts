import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { WorkflowIdConflictPolicy, WorkflowIdReusePolicy } from '@temporalio/common';
import {
  gasRetrofitHouseholdWorkflowId,
  PROCESSES,
  SEARCH_ATTRIBUTES,
  WORKFLOW_TYPES,
  type GasRetrofitHouseholdInput,
  type GasRetrofitHouseholdWorkflow,
} from '../workflows/definitions';
import { householdSummary } from '../workflows/lib/case-details';

/**
 * Starts a household's retrofit case, or finds the one it already has: one case per household, ever (running
 * or finished), because the workflow ID is the business key and the server refuses a duplicate. Used by the
 * API (a clerk's request) and by district campaigns (the backlog).
 */
export async function startHouseholdCase(
  client: Client,
  taskQueue: string,
  input: GasRetrofitHouseholdInput,
): Promise<{ caseId: string; status: 'started' | 'existing' }> {
  const caseId = gasRetrofitHouseholdWorkflowId(input.district, input.accountRef);
  try {
    await client.workflow.start<GasRetrofitHouseholdWorkflow>(WORKFLOW_TYPES.gasRetrofitHousehold, {
      workflowId: caseId,
      taskQueue,
      args: [input],
      staticSummary: householdSummary(input.userType, input.district, input.accountRef),
      workflowIdConflictPolicy: WorkflowIdConflictPolicy.FAIL,
      workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      typedSearchAttributes: [
        { key: SEARCH_ATTRIBUTES.process, value: PROCESSES.gasRetrofitHousehold },
        { key: SEARCH_ATTRIBUTES.district, value: input.district },
        { key: SEARCH_ATTRIBUTES.stage, value: 'eligibility-check' },
      ],
    });
    return { caseId, status: 'started' };
  } catch (error) {
    if (error instanceof WorkflowExecutionAlreadyStartedError) return { caseId, status: 'existing' };
    throw error;
  }
}
