import { continueAsNew, proxyActivities } from '@temporalio/workflow';
import type { GasRetrofitActivities } from '../activities/households';
import {
  gasRetrofitCampaignProgressQuery,
  gasRetrofitCampaignUpdates,
  type GasRetrofitCampaignInput,
  type GasRetrofitCampaignProgress,
} from './contract';
import { departmentCalls } from '../../../workflows/kit/activity-options';
import { initialBulkProgress } from '../../../workflows/kit/bulk-progress';
import { runBulkStarts } from '../../../workflows/kit/bulk-starts';
import { campaignDetails } from './details';
import { CAMPAIGN_RULES } from './rules';

const { fetchRetrofitBacklog } = departmentCalls<GasRetrofitActivities>()('读取燃气公司待改造户清单');
// Starting a page of cases can take a while; it heartbeats and resumes where it stopped.
const { startHouseholdCases } = proxyActivities<GasRetrofitActivities>({
  summary: '按户号发起入户办件',
  startToCloseTimeout: '10 minutes',
  heartbeatTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/** Pages per run before continuing as new: keeps each run's history small whatever the backlog's size. */
const PAGES_PER_RUN = 20;

/**
 * A district's retrofit campaign: pages through the gas company's backlog and starts one household case per
 * account, no faster than `householdsPerMinute` (the kit's bulk starts).
 */
export async function gasRetrofitCampaign(
  input: GasRetrofitCampaignInput,
): Promise<GasRetrofitCampaignProgress> {
  const progress = input.progress ?? initialBulkProgress();
  const outcome = await runBulkStarts(
    {
      area: input.district,
      perMinute: input.householdsPerMinute,
      pagesPerRun: PAGES_PER_RUN,
      readPage: (after) => fetchRetrofitBacklog({ district: input.district, after, limit: input.pageSize }),
      startPage: (accounts) =>
        startHouseholdCases({
          campaignId: input.campaignId,
          district: input.district,
          startedBy: input.startedBy,
          accounts: [...accounts],
        }),
      cursorOf: (account) => account.accountRef,
      rules: CAMPAIGN_RULES,
      progressQuery: gasRetrofitCampaignProgressQuery,
      updates: gasRetrofitCampaignUpdates,
      details: campaignDetails,
      waitSummary: '按发起速率等待下一页',
    },
    progress,
  );
  if (outcome === 'finished') return progress;
  return continueAsNew<typeof gasRetrofitCampaign>({ ...input, progress });
}
