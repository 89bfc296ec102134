import type { Actor, District } from '../../../workflows/definitions';
import { startCasesOnce } from '../../../activities/start-cases';
import { householdCaseStart } from '../workflow/starts';
import type { ActivityTemporal } from '../../../activities';
import type { BacklogAccount, GasCompanyPort } from '../../../activities/adapters/gas-company/port';

interface StartHouseholdsRequest {
  campaignId: string;
  district: District;
  startedBy: Actor;
  accounts: BacklogAccount[];
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
      return startCasesOnce(temporal, { runId: request.campaignId, entries: request.accounts }, (account) =>
        householdCaseStart({
          district: request.district,
          accountRef: account.accountRef,
          userType: account.userType,
          channel: 'window',
          items: account.items,
          startedBy: request.startedBy,
          campaignId: request.campaignId,
        }),
      );
    },
  };
}
