/**
 * How many promises workflow code creates when a history replays, and where. The SDK captures a stack trace for
 * every promise workflow code creates (a promise hook it always installs), so promises per case are a large part
 * of the worker's CPU per case. The replay runs in the main thread (as every replay does), and only promises of
 * the workflow's own realm are counted (not the SDK's main-thread work); each is put to the first three frames of
 * the workflow bundle that created it.
 */
import v8 from 'node:v8';
import type { DataConverter } from '@temporalio/common';
import type { temporal } from '@temporalio/proto';
import {
  bundleWorkflowCode,
  DefaultLogger,
  Runtime,
  Worker,
  type InjectedSinks,
  type WorkflowBundle,
} from '@temporalio/worker';
import { FAILURE_CONVERTER_PATH } from '../platform/codec/data-converter';
import { PLATFORM_BUNDLE_OPTIONS } from '../workers/bundle-options';
import { BASELINE_WORKFLOWS } from './baselines/shape';
import type { WaitNoticeSinks } from './baselines/wait-notices';

export interface PromiseCount {
  promises: number;
  /** Promises by the first three bundle frames that created them, most first. */
  sites: Array<[site: string, promises: number]>;
}

type History = temporal.api.history.v1.IHistory;

function siteOf(stack: string): string {
  const frames = stack
    .split('\n')
    .filter((line) => line.includes('workflow-bundle'))
    .map((line) =>
      line
        .trim()
        .replace(/^at /, '')
        .replace(/ \(.*$/, '')
        .replace(/^\/.*$/, '<anonymous>'),
    );
  return frames.slice(0, 3).join(' < ') || '(the SDK, outside the bundle)';
}

const BASELINE_TYPES: ReadonlySet<string> = new Set(Object.values(BASELINE_WORKFLOWS));

function workflowTypeOf(history: History): string {
  const type = history.events?.[0]?.workflowExecutionStartedEventAttributes?.workflowType?.name;
  if (!type) throw new Error('the history does not begin with a workflow start');
  return type;
}

/** Bundles the platform's workflows, or the baselines' for a baseline's history, once each. */
export function workflowBundles(): (history: History) => Promise<WorkflowBundle> {
  const quiet = { ...console, info: () => {} };
  const bundles = new Map<'platform' | 'baselines', Promise<WorkflowBundle>>();
  return (history) => {
    const which = BASELINE_TYPES.has(workflowTypeOf(history)) ? 'baselines' : 'platform';
    if (!bundles.has(which))
      bundles.set(
        which,
        bundleWorkflowCode(
          which === 'platform'
            ? { ...PLATFORM_BUNDLE_OPTIONS, logger: quiet }
            : {
                workflowsPath: require.resolve('./baselines/workflows'),
                failureConverterPath: FAILURE_CONVERTER_PATH,
                logger: quiet,
              },
        ),
      );
    return bundles.get(which)!;
  };
}

/** WR tells its driver when it waits (baselines/wait-notices.ts); a replay has no driver to tell. */
const QUIET_WAIT_NOTICES: InjectedSinks<WaitNoticeSinks> = {
  waits: { awaitingDecision: { fn: () => {}, callDuringReplay: false } },
};

let counting: Map<string, number> | undefined;
let hooked = false;

/** Installs the promise hook, and a runtime that keeps the replay worker's state changes out of the output. */
function hookPromises(): void {
  if (hooked) return;
  hooked = true;
  Runtime.install({ logger: new DefaultLogger('WARN') });
  v8.promiseHooks.onInit((promise: Promise<unknown>) => {
    // The main realm's promises are the replayer's own; the workflow's realm has a Promise of its own.
    if (!counting || promise.constructor === Promise) return;
    const site = siteOf(new Error().stack ?? '');
    counting.set(site, (counting.get(site) ?? 0) + 1);
  });
}

/** Replays `history` in this thread, counting the promises its workflow code creates. Install no runtime before. */
export async function countPromises(
  history: History,
  bundleFor: (history: History) => Promise<WorkflowBundle>,
  dataConverter: DataConverter = { failureConverterPath: FAILURE_CONVERTER_PATH },
): Promise<PromiseCount> {
  const workflowBundle = await bundleFor(history);
  hookPromises();
  const sites = new Map<string, number>();
  counting = sites;
  try {
    await Worker.runReplayHistory({ workflowBundle, dataConverter, sinks: QUIET_WAIT_NOTICES }, history);
  } finally {
    counting = undefined;
  }
  const sorted = [...sites].sort((a, b) => b[1] - a[1]);
  return { promises: sorted.reduce((sum, [, n]) => sum + n, 0), sites: sorted };
}
