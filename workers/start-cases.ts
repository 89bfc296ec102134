import {
  WorkflowExecutionAlreadyStartedError,
  type Client,
  type WorkflowStartOptions,
} from '@temporalio/client';
import { WorkflowIdConflictPolicy, WorkflowIdReusePolicy, type Workflow } from '@temporalio/common';
import {
  DISTRICTS,
  gasRetrofitCampaignWorkflowId,
  gasRetrofitHouseholdWorkflowId,
  PROCESSES,
  SEARCH_ATTRIBUTES,
  WORKFLOW_TYPES,
  type GasRetrofitCampaignInput,
  type GasRetrofitCampaignWorkflow,
  type GasRetrofitHouseholdInput,
  type GasRetrofitHouseholdWorkflow,
} from '../workflows/definitions';
import { householdSummary } from '../workflows/lib/case-details';

export type StartStatus = 'started' | 'existing';

/**
 * Starts a workflow whose ID is a business key, once ever: a repeat, while it runs or after it finished, is
 * refused by the server and reported as `existing` instead of starting a second one.
 */
async function startOnce<W extends Workflow>(
  client: Client,
  workflowType: string,
  options: Omit<WorkflowStartOptions<W>, 'workflowIdConflictPolicy' | 'workflowIdReusePolicy'>,
): Promise<StartStatus> {
  try {
    await client.workflow.start<W>(workflowType, {
      ...options,
      workflowIdConflictPolicy: WorkflowIdConflictPolicy.FAIL,
      workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
    } as WorkflowStartOptions<W>);
    return 'started';
  } catch (error) {
    if (error instanceof WorkflowExecutionAlreadyStartedError) return 'existing';
    throw error;
  }
}

/**
 * Starts a household's retrofit case, or finds the one it already has: one case per household, ever. Used by the
 * API (a clerk's request) and by district campaigns (the backlog).
 */
export async function startHouseholdCase(
  client: Client,
  taskQueue: string,
  input: GasRetrofitHouseholdInput,
): Promise<{ caseId: string; status: StartStatus }> {
  const caseId = gasRetrofitHouseholdWorkflowId(input.district, input.accountRef);
  const status = await startOnce<GasRetrofitHouseholdWorkflow>(client, WORKFLOW_TYPES.gasRetrofitHousehold, {
    workflowId: caseId,
    taskQueue,
    args: [input],
    staticSummary: householdSummary(input.userType, input.district, input.accountRef),
    typedSearchAttributes: [
      { key: SEARCH_ATTRIBUTES.process, value: PROCESSES.gasRetrofitHousehold },
      { key: SEARCH_ATTRIBUTES.district, value: input.district },
      { key: SEARCH_ATTRIBUTES.stage, value: 'eligibility-check' },
      { key: SEARCH_ATTRIBUTES.department, value: 'gas-company' },
      ...(input.campaignId ? [{ key: SEARCH_ATTRIBUTES.campaign, value: input.campaignId }] : []),
    ],
  });
  return { caseId, status };
}

/** Starts a district's retrofit campaign, or finds the one with the same district and campaign ID. */
export async function startCampaign(
  client: Client,
  taskQueue: string,
  input: GasRetrofitCampaignInput,
): Promise<{ campaignWorkflowId: string; status: StartStatus }> {
  const campaignWorkflowId = gasRetrofitCampaignWorkflowId(input.district, input.campaignId);
  const status = await startOnce<GasRetrofitCampaignWorkflow>(client, WORKFLOW_TYPES.gasRetrofitCampaign, {
    workflowId: campaignWorkflowId,
    taskQueue,
    args: [input],
    staticSummary: `燃气安全改造区级批次 · ${DISTRICTS[input.district]} · ${input.campaignId}`,
    typedSearchAttributes: [
      { key: SEARCH_ATTRIBUTES.process, value: PROCESSES.gasRetrofitCampaign },
      { key: SEARCH_ATTRIBUTES.district, value: input.district },
      { key: SEARCH_ATTRIBUTES.stage, value: 'running' },
      { key: SEARCH_ATTRIBUTES.department, value: 'gas-safety-office' },
    ],
  });
  return { campaignWorkflowId, status };
}
