/**
 * The runs whose histories make up the replay corpus (test/histories). Each scenario drives one real workflow
 * to the end on a real server; record-histories.ts saves what happened, replay.test.ts replays it.
 */
import type { Client } from '@temporalio/client';
import type { Adapters } from '../../activities/adapters';
import {
  gasRetrofitHouseholdWorkflowId,
  WORKFLOW_TYPES,
  type GasRetrofitHouseholdWorkflow,
} from '../../workflows/definitions';

export interface ReplayScenario {
  /** File name: `<workflowType>_<scenario>` (the SDK version is appended). */
  name: string;
  run(client: Client, adapters: Adapters, taskQueue: string): Promise<string>;
}

const clerk = {
  userId: 'recorder',
  department: 'gas-company',
  district: 'jinshui',
  roles: ['clerk'],
} as const;

function householdScenario(name: string, accountRef: string, status: 'active' | 'closed'): ReplayScenario {
  return {
    name,
    async run(client, adapters, taskQueue) {
      await adapters.gasCompany.upsertAccounts([
        { accountRef, district: 'jinshui', userType: 'residential-pipeline', status },
      ]);
      const workflowId = gasRetrofitHouseholdWorkflowId('jinshui', accountRef);
      await client.workflow.execute<GasRetrofitHouseholdWorkflow>(WORKFLOW_TYPES.gasRetrofitHousehold, {
        workflowId,
        taskQueue,
        args: [
          {
            district: 'jinshui',
            accountRef,
            userType: 'residential-pipeline',
            channel: 'app',
            startedBy: { ...clerk, roles: [...clerk.roles] },
          },
        ],
      });
      return workflowId;
    },
  };
}

export const SCENARIOS: ReplayScenario[] = [
  householdScenario('gasRetrofitHousehold_eligibility-only-eligible', 'JS-REPLAY-1', 'active'),
  householdScenario('gasRetrofitHousehold_eligibility-only-closed', 'JS-REPLAY-2', 'closed'),
];
