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
import type { Activities } from '../activities';
import {
  gasRetrofitCampaignProgressQuery,
  gasRetrofitCampaignUpdates,
  type CampaignDecisionArgs,
  type GasRetrofitCampaignInput,
  type GasRetrofitCampaignProgress,
  type Role,
  type Department,
  SEARCH_ATTRIBUTES,
} from './definitions';
import { departmentCall } from './lib/activity-options';
import { campaignDetails } from './lib/case-details';
import { refuse } from './kit/refusals';

const { fetchRetrofitBacklog } = proxyActivities<Activities>({
  ...departmentCall,
  summary: '读取燃气公司待改造户清单',
});
// Starting a page of cases can take a while; it heartbeats and resumes where it stopped.
const { startHouseholdCases } = proxyActivities<Activities>({
  summary: '按户号发起入户办件',
  startToCloseTimeout: '10 minutes',
  heartbeatTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/** Pages per run before continuing as new: keeps each run's history small whatever the backlog's size. */
export const PAGES_PER_RUN = 20;

const MAY_PAUSE: ReadonlyArray<{ role: Role; departments: readonly Department[] }> = [
  { role: 'supervisor', departments: ['gas-safety-office'] },
  { role: 'clerk', departments: ['gas-safety-office', 'gas-company'] },
];

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

  function checkActor({ actor }: CampaignDecisionArgs): void {
    const allowed = MAY_PAUSE.some(
      (p) => actor.roles.includes(p.role) && p.departments.includes(actor.department),
    );
    if (!allowed)
      refuse('forbidden', 'pausing or resuming a campaign is for the gas-safety office or gas company');
    if (actor.district !== 'city' && actor.district !== input.district) {
      refuse('forbidden', `the caller's district does not cover ${input.district}`);
    }
  }
  for (const action of ['pause', 'resume'] as const) {
    setHandler(
      gasRetrofitCampaignUpdates[action],
      ({ actor }: CampaignDecisionArgs) => {
        progress.paused = action === 'pause';
        progress.lastDecision = { action, by: actor.userId, at: new Date(Date.now()).toISOString() };
        upsertSearchAttributes([
          { key: SEARCH_ATTRIBUTES.stage, value: progress.paused ? 'paused' : 'running' },
        ]);
        setCurrentDetails(campaignDetails(progress));
        return Promise.resolve(progress);
      },
      {
        validator: (args: CampaignDecisionArgs) => {
          checkActor(args);
          if (progress.finished) refuse('wrongStage', 'the campaign has finished');
        },
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
