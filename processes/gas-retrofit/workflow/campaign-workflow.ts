import {
  allHandlersFinished,
  condition,
  continueAsNew,
  proxyActivities,
  setHandler,
  setCurrentDetails,
  sleep,
  upsertSearchAttributes,
} from '@temporalio/workflow';
import type { GasRetrofitActivities } from '../activities/households';
import {
  gasRetrofitCampaignProgressQuery,
  gasRetrofitCampaignUpdates,
  type CampaignDecisionArgs,
  type CampaignStage,
  type GasRetrofitCampaignInput,
  type GasRetrofitCampaignProgress,
} from './contract';
import { SEARCH_ATTRIBUTES } from '../../../workflows/kit/search-attributes';
import { departmentCalls } from '../../../workflows/kit/activity-options';
import { now } from '../../../workflows/kit/clock';
import { campaignDetails } from './details';
import { checkDecision } from '../../../workflows/kit/access';
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
 * account, no faster than `householdsPerMinute`. Cases are not children (a campaign of 100,000 households
 * must not hold 100,000 children); each is started by business key, so none is ever started twice.
 */
export async function gasRetrofitCampaign(
  input: GasRetrofitCampaignInput,
): Promise<GasRetrofitCampaignProgress> {
  const progress: GasRetrofitCampaignProgress = input.progress ?? {
    cursor: null,
    started: 0,
    alreadyStarted: 0,
    pages: 0,
    paused: false,
    finished: false,
  };
  setHandler(gasRetrofitCampaignProgressQuery, () => progress);

  const stage = (): CampaignStage =>
    progress.finished ? 'finished' : progress.paused ? 'paused' : 'running';
  for (const action of ['pause', 'resume'] as const) {
    setHandler(
      gasRetrofitCampaignUpdates[action],
      ({ actor }: CampaignDecisionArgs) => {
        progress.paused = action === 'pause';
        progress.lastDecision = { action, by: actor.userId, at: now() };
        upsertSearchAttributes([
          { key: SEARCH_ATTRIBUTES.stage, value: progress.paused ? 'paused' : 'running' },
        ]);
        setCurrentDetails(campaignDetails(progress));
        return Promise.resolve(progress);
      },
      {
        validator: ({ actor }: CampaignDecisionArgs) =>
          checkDecision(CAMPAIGN_RULES, action, actor, input.district, stage()),
      },
    );
  }

  for (let page = 0; page < PAGES_PER_RUN; page += 1) {
    await condition(() => !progress.paused);
    const accounts = await fetchRetrofitBacklog({
      district: input.district,
      after: progress.cursor,
      limit: input.pageSize,
    });
    if (accounts.length === 0) {
      progress.finished = true;
      upsertSearchAttributes([{ key: SEARCH_ATTRIBUTES.stage, value: 'finished' }]);
      setCurrentDetails(campaignDetails(progress));
      await condition(allHandlersFinished);
      return progress;
    }
    const result = await startHouseholdCases({
      campaignId: input.campaignId,
      district: input.district,
      startedBy: input.startedBy,
      accounts,
    });
    progress.started += result.started;
    progress.alreadyStarted += result.alreadyStarted;
    progress.cursor = accounts[accounts.length - 1]!.accountRef;
    progress.pages += 1;
    setCurrentDetails(campaignDetails(progress));
    // The rate limit: a page of n households takes at least n / rate minutes.
    await sleep(Math.ceil((accounts.length / input.householdsPerMinute) * 60_000), {
      summary: '按发起速率等待下一页',
    });
  }
  await condition(allHandlersFinished);
  return continueAsNew<typeof gasRetrofitCampaign>({ ...input, progress });
}
