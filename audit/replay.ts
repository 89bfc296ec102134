/**
 * Replays histories against the current workflow code: proof that today's code would have taken exactly the
 * recorded decisions. Reports, per history, ok or the nondeterminism and where it diverged.
 */
import type { DataConverter } from '@temporalio/common';
import { bundleWorkflowCode, DefaultLogger, Worker, type ReplayWorkerOptions } from '@temporalio/worker';
import { PLATFORM_BUNDLE_OPTIONS } from '../workers/bundle-options';
import { isEncrypted } from '../platform/codec/payload-codec';
import { payloadsIn } from '../platform/codec/payloads-in';
import type { Evidence } from './histories';

const quietLogger = new DefaultLogger('WARN');

export interface ReplayOutcome {
  workflowId: string;
  source: string;
  ok: boolean;
  /** The SDK's account of the first divergence (event, expected and actual command). */
  error?: string;
}

interface ReplaySettings {
  /** As the worker decodes: what it did not encrypt reaches the workflow only as a refused marker. */
  dataConverter: DataConverter;
  /**
   * For histories with no encrypted payload at all (the committed corpus, histories from before encryption): no
   * worker that refuses foreign payloads ever ran them, so they replay as recorded. Defaults to `dataConverter`.
   */
  readableDataConverter?: DataConverter;
  /** A prebuilt bundle (npm run build), else the workflows are bundled from source. */
  workflowBundlePath: string | undefined;
}

async function replayOptions(
  settings: ReplaySettings,
): Promise<{ sealed: ReplayWorkerOptions; readable: ReplayWorkerOptions }> {
  const workflowBundle = settings.workflowBundlePath
    ? { codePath: settings.workflowBundlePath }
    : await bundleWorkflowCode({ ...PLATFORM_BUNDLE_OPTIONS, logger: quietLogger });
  return {
    sealed: { workflowBundle, dataConverter: settings.dataConverter },
    readable: { workflowBundle, dataConverter: settings.readableDataConverter ?? settings.dataConverter },
  };
}

const isReadable = (h: Evidence) => !payloadsIn(h.history).some(({ payload }) => isEncrypted(payload));

const runIdOf = (h: Evidence) =>
  h.history.events?.[0]?.workflowExecutionStartedEventAttributes?.originalExecutionRunId ?? '';

/**
 * The replayer keys runs by run ID, so two copies of one run (the evidence and an auditor's altered copy) must
 * not share a batch, or the second would be judged against the first's state.
 */
function batchesWithDistinctRuns(histories: readonly Evidence[]): Evidence[][] {
  const batches: Array<{ runs: Set<string>; items: Evidence[] }> = [];
  for (const history of histories) {
    const runId = runIdOf(history);
    let batch = batches.find((b) => !b.runs.has(runId));
    if (!batch) batches.push((batch = { runs: new Set(), items: [] }));
    batch.runs.add(runId);
    batch.items.push(history);
  }
  return batches.map((b) => b.items);
}

export async function replayAll(
  histories: readonly Evidence[],
  settings: ReplaySettings,
  onResult: (outcome: ReplayOutcome) => void = () => undefined,
): Promise<ReplayOutcome[]> {
  const options = await replayOptions(settings);
  const outcomes: ReplayOutcome[] = [];
  const batches = [
    ...batchesWithDistinctRuns(histories.filter((h) => !isReadable(h))).map((batch) => ({
      batch,
      readable: false,
    })),
    ...batchesWithDistinctRuns(histories.filter(isReadable)).map((batch) => ({ batch, readable: true })),
  ];
  for (const { batch, readable } of batches) {
    const byKey = new Map(batch.map((h, index) => [`${h.workflowId}#${index}`, h]));
    const results = Worker.runReplayHistories(
      readable ? options.readable : options.sealed,
      [...byKey.entries()].map(([key, h]) => ({ workflowId: key, history: h.history })),
    );
    for await (const result of results) {
      const evidence = byKey.get(result.workflowId)!;
      const outcome: ReplayOutcome = {
        workflowId: evidence.workflowId,
        source: evidence.source,
        ok: !result.error,
        ...(result.error ? { error: `${result.error.name}: ${result.error.message}` } : {}),
      };
      outcomes.push(outcome);
      onResult(outcome);
    }
  }
  return outcomes;
}
