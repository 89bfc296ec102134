import { heartbeat, activityInfo } from '@temporalio/activity';
import type { Client } from '@temporalio/client';
import { SEARCH_ATTRIBUTES, type Actor, type District } from '../../../workflows/definitions';
import { startOnce } from '../../../platform/start-once';
import { householdCaseStart } from '../workflow/starts';
import type { ActivityTemporal } from '../../../activities';
import type { BacklogAccount, GasCompanyPort } from '../../../activities/adapters/gas-company/port';

interface StartHouseholdsRequest {
  campaignId: string;
  district: District;
  startedBy: Actor;
  accounts: BacklogAccount[];
}

async function startedBy(client: Client, caseId: string, campaignId: string): Promise<boolean> {
  const { typedSearchAttributes } = await client.workflow.getHandle(caseId).describe();
  return typedSearchAttributes.get(SEARCH_ATTRIBUTES.campaign) === campaignId;
}

export function createCampaignActivities(gasCompany: GasCompanyPort, temporal: ActivityTemporal | undefined) {
  return {
    async fetchRetrofitBacklog(request: {
      district: District;
      after: string | null;
      limit: number;
    }): Promise<BacklogAccount[]> {
      return gasCompany.retrofitBacklog(request.district, request.after, request.limit);
    },

    /**
     * Starts one household case per account. The workflow ID is the business key and duplicates are refused by
     * the server, so a retried or resumed page never starts a household twice; progress is heartbeated so a
     * retry resumes where the last attempt stopped.
     */
    async startHouseholdCases(
      request: StartHouseholdsRequest,
    ): Promise<{ started: number; alreadyStarted: number }> {
      if (!temporal) throw new Error('this worker has no Temporal client for starting cases');
      const resumed = (activityInfo().heartbeatDetails as
        { index: number; started: number; alreadyStarted: number } | undefined) ?? {
        index: 0,
        started: 0,
        alreadyStarted: 0,
      };
      let { started, alreadyStarted } = resumed;
      for (let index = resumed.index; index < request.accounts.length; index += 1) {
        const account = request.accounts[index]!;
        const start = householdCaseStart({
          district: request.district,
          accountRef: account.accountRef,
          userType: account.userType,
          channel: 'window',
          items: account.items,
          startedBy: request.startedBy,
          campaignId: request.campaignId,
        });
        const { workflowId: caseId, status } = await startOnce(temporal.client, temporal.taskQueue, start);
        // A case this campaign started in an earlier attempt (one killed before its last heartbeat reached the
        // server) is still this campaign's: only cases started otherwise count as already started.
        if (status === 'started' || (await startedBy(temporal.client, caseId, request.campaignId)))
          started += 1;
        else alreadyStarted += 1;
        heartbeat({ index: index + 1, started, alreadyStarted });
      }
      return { started, alreadyStarted };
    },
  };
}
