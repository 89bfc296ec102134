/**
 * `npx tsx bench/replay-cpu.ts <history.json> [times]`: the workflow thread's CPU per case, alone. Replays one
 * committed history `times` times (200 unless told, after 20 to warm up) with the platform's bundle in this process
 * and prints CPU-milliseconds per replay: the workflow code's own cost (its promises, each given a stack trace by
 * the SDK's hook, included), with no server, database or activities in the way. Two versions of the code compare
 * by running this from each checkout in turn, each on its own history of the same path.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { bundleWorkflowCode, DefaultLogger, Runtime, Worker, type WorkflowBundle } from '@temporalio/worker';
import { FAILURE_CONVERTER_PATH } from '../platform/codec/data-converter';
import { PLATFORM_BUNDLE_OPTIONS } from '../workers/bundle-options';

const WARM_UP = 20;

async function replayTimes(
  workflowBundle: WorkflowBundle,
  history: ReturnType<typeof historyFromJSON>,
  times: number,
): Promise<void> {
  const histories = Array.from({ length: times }, (_, i) => ({ workflowId: `replay-${i}`, history }));
  for await (const result of Worker.runReplayHistories(
    { workflowBundle, dataConverter: { failureConverterPath: FAILURE_CONVERTER_PATH } },
    histories,
  )) {
    if (result.error) throw result.error;
  }
}

async function main(file: string | undefined, timesText = '200'): Promise<void> {
  if (!file) throw new Error('name a history file (test/histories/*.json)');
  const times = Number(timesText);
  if (!Number.isSafeInteger(times) || times < 1)
    throw new Error(`times must be a whole number ≥ 1 (got ${timesText})`);
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const history = historyFromJSON(JSON.parse(readFileSync(file, 'utf8')));
  const workflowBundle = await bundleWorkflowCode({
    ...PLATFORM_BUNDLE_OPTIONS,
    logger: { ...console, info: () => {} },
  });
  await replayTimes(workflowBundle, history, WARM_UP);
  const before = process.cpuUsage();
  const started = process.hrtime.bigint();
  await replayTimes(workflowBundle, history, times);
  const cpu = process.cpuUsage(before);
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  const cpuMs = (cpu.user + cpu.system) / 1000;
  process.stdout.write(
    `${path.basename(file)}: ${(cpuMs / times).toFixed(2)} CPU-ms per replay, ${(wallMs / times).toFixed(2)} ms wall (${times} replays)\n`,
  );
}

main(process.argv[2], process.argv[3]).catch((error: Error) => {
  process.stderr.write(`replay-cpu failed: ${error.message}\n`);
  process.exit(1);
});
