/**
 * The activity half of the kit's bulk starts (workflows/kit/bulk-starts.ts): starts a case per entry of a page,
 * each by its business key, so a retried or resumed page never starts a case twice; progress is heartbeated so a
 * retry resumes where the last attempt stopped.
 */
import { activityInfo, heartbeat } from '@temporalio/activity';
import type { Client } from '@temporalio/client';
import { startOnce } from '../platform/start-once';
import type { CaseStart } from '../workflows/kit/case-start';
import { SEARCH_ATTRIBUTES } from '../workflows/kit/search-attributes';
import type { ActivityTemporal } from './index';

interface PageProgress {
  index: number;
  started: number;
  alreadyStarted: number;
}

/** Whether the case carries this run's ID (OneThingCampaign: the campaign or round that started it). */
async function startedBy(client: Client, caseId: string, runId: string): Promise<boolean> {
  const { typedSearchAttributes } = await client.workflow.getHandle(caseId).describe();
  return typedSearchAttributes.get(SEARCH_ATTRIBUTES.campaign) === runId;
}

export async function startCasesOnce<Entry>(
  temporal: ActivityTemporal | undefined,
  page: { runId: string; entries: readonly Entry[] },
  caseStartOf: (entry: Entry) => CaseStart<unknown>,
): Promise<{ started: number; alreadyStarted: number }> {
  if (!temporal) throw new Error('this worker has no Temporal client for starting cases');
  const resumed = (activityInfo().heartbeatDetails as PageProgress | undefined) ?? {
    index: 0,
    started: 0,
    alreadyStarted: 0,
  };
  let { started, alreadyStarted } = resumed;
  for (let index = resumed.index; index < page.entries.length; index += 1) {
    const start = caseStartOf(page.entries[index]!);
    const { workflowId: caseId, status } = await startOnce(temporal.client, temporal.taskQueue, start);
    // A case this run started in an earlier attempt (one killed before its last heartbeat reached the server) is
    // still this run's: only cases started otherwise count as already started.
    if (status === 'started' || (await startedBy(temporal.client, caseId, page.runId))) started += 1;
    else alreadyStarted += 1;
    heartbeat({ index: index + 1, started, alreadyStarted } satisfies PageProgress);
  }
  return { started, alreadyStarted };
}
