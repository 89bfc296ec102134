/** A 免申即享 round's activities: a page of the district's register, and the cases started for those owed money. */
import type { ActivityTemporal } from '../../../activities';
import type { Adapters } from '../../../activities/adapters';
import { startCasesOnce } from '../../../activities/start-cases';
import type { Actor, District } from '../../../workflows/kit/vocabulary';
import type { PolicyOfCase } from '../workflow/contract';
import { payoutCaseStart } from '../workflow/starts';
import { owed } from '../policy/amount';
import { judgeEnterprises } from './judging';

interface RoundPage {
  roundId: string;
  policy: PolicyOfCase;
  year: number;
  district: District;
  startedBy: Actor;
  creditCodes: string[];
  /** The day of judgment (Beijing, YYYY-MM-DD), in the round's time. */
  day: string;
}

export function createRoundActivities(adapters: Adapters, temporal: ActivityTemporal | undefined) {
  return {
    /** A page of the district's active enterprises, in credit-code order, from the business register. */
    async readRoundPage(request: {
      district: District;
      after: string | null;
      limit: number;
    }): Promise<string[]> {
      return adapters.marketRegulation.activeEnterprisesIn(request.district, request.after, request.limit);
    },

    /**
     * Judges a page of enterprises and starts a case for each one owed (once each, by business key), carrying its
     * judgment: the judgment is in the case's history from its first event.
     */
    async startEligibleCases(page: RoundPage): Promise<{ started: number; alreadyStarted: number }> {
      const judged = (await judgeEnterprises(adapters, page.policy, page.creditCodes, page.day)).filter(
        ({ judgment }) => owed(judgment, page.policy.terms.amount),
      );
      return startCasesOnce(temporal, { runId: page.roundId, entries: judged }, ({ creditCode, judgment }) =>
        payoutCaseStart({
          policy: page.policy,
          year: page.year,
          creditCode,
          district: page.district,
          startedBy: page.startedBy,
          judgment,
          roundId: page.roundId,
        }),
      );
    },
  };
}
