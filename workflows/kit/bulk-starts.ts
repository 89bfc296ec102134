/**
 * Bulk starts: a workflow that pages through a department's list and starts one case per entry, no faster than a
 * set rate, pausable and resumable by the people its rules name, continuing as new every few pages so its history
 * stays small whatever the list's size. Cases are not children (a run of 100,000 must not hold 100,000 children);
 * each is started by business key, so none is ever started twice. A process gives the page reader, the page
 * starter, and its own words; `runBulkStarts` does the rest.
 */
import type { QueryDefinition, UpdateDefinition } from '@temporalio/common';
import {
  allHandlersFinished,
  condition,
  setCurrentDetails,
  setHandler,
  sleep,
  upsertSearchAttributes,
} from '@temporalio/workflow';
import { checkDecision, type DecisionRules } from './access';
import { now } from './clock';
import { SEARCH_ATTRIBUTES } from './search-attributes';
import { bulkStage, type BulkDecision, type BulkProgress, type BulkStage } from './bulk-progress';
import type { Actor, District } from './vocabulary';

export interface BulkStartsDefinition<Entry> {
  /** The area the run serves: who may pause or resume it is judged against it. */
  area: District;
  /** Entries started per minute at most: what the departments downstream can bear. */
  perMinute: number;
  /** Pages per run before continuing as new. */
  pagesPerRun: number;
  /** A page of the list after the cursor (a department call); an empty page ends the run. */
  readPage: (after: string | null) => Promise<readonly Entry[]>;
  /** Starts a case per entry of the page (an activity that starts each once, and resumes where it stopped). */
  startPage: (entries: readonly Entry[]) => Promise<{ started: number; alreadyStarted: number }>;
  /** The cursor an entry leaves behind. */
  cursorOf: (entry: Entry) => string;
  rules: DecisionRules<BulkDecision, BulkStage>;
  progressQuery: QueryDefinition<BulkProgress>;
  updates: Record<BulkDecision, UpdateDefinition<BulkProgress, [{ actor: Actor }], BulkDecision>>;
  /** The run as the Web UI shows it, in the process's own words. */
  details: (progress: BulkProgress) => string;
  /** The summary of the rate-limit timer in the Web UI. */
  waitSummary: string;
}

function setBulkHandlers<Entry>(definition: BulkStartsDefinition<Entry>, progress: BulkProgress): void {
  setHandler(definition.progressQuery, () => progress);
  for (const action of ['pause', 'resume'] as const) {
    setHandler(
      definition.updates[action],
      ({ actor }: { actor: Actor }) => {
        progress.paused = action === 'pause';
        progress.lastDecision = { action, by: actor.userId, at: now() };
        upsertSearchAttributes([
          { key: SEARCH_ATTRIBUTES.stage, value: progress.paused ? 'paused' : 'running' },
        ]);
        setCurrentDetails(definition.details(progress));
        return Promise.resolve(progress);
      },
      {
        validator: ({ actor }: { actor: Actor }) =>
          checkDecision(definition.rules, action, actor, definition.area, bulkStage(progress)),
      },
    );
  }
}

/**
 * Runs up to `pagesPerRun` pages; `finished` when the list is done, `continue-as-new` when this run has done its
 * share (the caller continues as new with the progress).
 */
export async function runBulkStarts<Entry>(
  definition: BulkStartsDefinition<Entry>,
  progress: BulkProgress,
): Promise<'finished' | 'continue-as-new'> {
  setBulkHandlers(definition, progress);
  for (let page = 0; page < definition.pagesPerRun; page += 1) {
    await condition(() => !progress.paused);
    const entries = await definition.readPage(progress.cursor);
    if (entries.length === 0) {
      progress.finished = true;
      upsertSearchAttributes([{ key: SEARCH_ATTRIBUTES.stage, value: 'finished' }]);
      setCurrentDetails(definition.details(progress));
      await condition(allHandlersFinished);
      return 'finished';
    }
    const result = await definition.startPage(entries);
    progress.started += result.started;
    progress.alreadyStarted += result.alreadyStarted;
    progress.cursor = definition.cursorOf(entries[entries.length - 1]!);
    progress.pages += 1;
    setCurrentDetails(definition.details(progress));
    // The rate limit: a page of n entries takes at least n / rate minutes.
    await sleep(Math.ceil((entries.length / definition.perMinute) * 60_000), {
      summary: definition.waitSummary,
    });
  }
  await condition(allHandlersFinished);
  return 'continue-as-new';
}
