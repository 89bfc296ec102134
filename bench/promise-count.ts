/**
 * `npx tsx bench/promise-count.ts <history.json>...`: how many promises the workflow code creates when a history
 * replays, and where. The SDK captures a stack trace for every promise workflow code creates (a promise hook it
 * always installs), so promises per case are a large part of the worker's CPU per case. The replay runs in the main
 * thread (as every replay does), and only promises of the workflow's own realm are counted (not the SDK's main-thread work);
 * each is put to the first three frames of the workflow bundle that created it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { bundleWorkflowCode, Worker } from '@temporalio/worker';
import { FAILURE_CONVERTER_PATH } from '../platform/codec/data-converter';
import { PLATFORM_BUNDLE_OPTIONS } from '../workers/bundle-options';

const SITES_SHOWN = Number(process.env.SITES_SHOWN ?? 25);

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

async function main(): Promise<void> {
  const files = process.argv.slice(2);
  if (files.length === 0) throw new Error('name one or more history files (test/histories/*.json)');
  const bundle = await bundleWorkflowCode({
    ...PLATFORM_BUNDLE_OPTIONS,
    logger: { ...console, info: () => {} },
  });
  let counting = false;
  let count = 0;
  const sites = new Map<string, number>();
  v8.promiseHooks.onInit((promise: Promise<unknown>) => {
    if (!counting || promise.constructor === Promise) return;
    count += 1;
    const site = siteOf(new Error().stack ?? '');
    sites.set(site, (sites.get(site) ?? 0) + 1);
  });
  for (const file of files) {
    const history = historyFromJSON(JSON.parse(readFileSync(file, 'utf8')));
    count = 0;
    sites.clear();
    counting = true;
    await Worker.runReplayHistory(
      {
        workflowBundle: bundle,
        dataConverter: { failureConverterPath: FAILURE_CONVERTER_PATH },
      },
      history,
      path.basename(file, '.json'),
    );
    counting = false;
    process.stdout.write(`${path.basename(file)}: ${count} promises\n`);
    for (const [site, n] of [...sites].sort((a, b) => b[1] - a[1]).slice(0, SITES_SHOWN)) {
      process.stdout.write(`${String(n).padStart(6)}  ${site}\n`);
    }
  }
}

main().catch((error: Error) => {
  process.stderr.write(`promise-count failed: ${error.message}\n`);
  process.exit(1);
});
