/**
 * `npx tsx bench/replay-cpu.ts <history.json>... [--times 300] [--rounds 3]`: the workflow thread's CPU per case,
 * alone. Replays each committed history `times` times (after 20 to warm up), taking the histories in turn for
 * `rounds` rounds, with the platform's bundle in this process, and prints each one's median CPU-milliseconds per
 * replay and its ratio to the first's (and whether the rounds' spread is wider than the difference): the workflow code's own cost (its promises, each given a stack trace by the
 * SDK's hook, included) with no server, database or activities in the way. Histories of one path recorded on two
 * patch baselines compare the two code paths in the same run; two versions of the code compare by running this from
 * each checkout in turn.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { bundleWorkflowCode, DefaultLogger, Runtime, Worker, type WorkflowBundle } from '@temporalio/worker';
import { FAILURE_CONVERTER_PATH } from '../platform/codec/data-converter';
import { PLATFORM_BUNDLE_OPTIONS } from '../workers/bundle-options';
import { ratioOf, spreadOf } from './stats';

const WARM_UP = 20;

type History = ReturnType<typeof historyFromJSON>;

async function replayTimes(workflowBundle: WorkflowBundle, history: History, times: number): Promise<void> {
  const histories = Array.from({ length: times }, (_, i) => ({ workflowId: `replay-${i}`, history }));
  for await (const result of Worker.runReplayHistories(
    { workflowBundle, dataConverter: { failureConverterPath: FAILURE_CONVERTER_PATH } },
    histories,
  )) {
    if (result.error) throw result.error;
  }
}

async function cpuMsPerReplay(
  workflowBundle: WorkflowBundle,
  history: History,
  times: number,
): Promise<number> {
  const before = process.cpuUsage();
  await replayTimes(workflowBundle, history, times);
  const cpu = process.cpuUsage(before);
  return (cpu.user + cpu.system) / 1000 / times;
}

function positiveWhole(option: string) {
  return (value: string): number => {
    const parsed = Number(value);
    if (!Number.isSafeInteger(parsed) || parsed < 1)
      throw new InvalidArgumentError(`${option} must be a whole number of at least 1 (got ${value})`);
    return parsed;
  };
}

async function main(files: string[], options: { times: number; rounds: number }): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const histories = files.map((file) => historyFromJSON(JSON.parse(readFileSync(file, 'utf8'))));
  const workflowBundle = await bundleWorkflowCode({
    ...PLATFORM_BUNDLE_OPTIONS,
    logger: { ...console, info: () => {} },
  });
  for (const history of histories) await replayTimes(workflowBundle, history, WARM_UP);
  const readings: number[][] = histories.map(() => []);
  for (let round = 0; round < options.rounds; round++) {
    for (const [i, history] of histories.entries()) {
      readings[i]!.push(await cpuMsPerReplay(workflowBundle, history, options.times));
    }
  }
  const first = spreadOf(readings[0]!);
  for (const [i, file] of files.entries()) {
    const spread = spreadOf(readings[i]!);
    const { ratio, withinNoise } = ratioOf(spread, first);
    process.stdout.write(
      `${path.basename(file)}: ${spread.median.toFixed(2)} CPU-ms per replay (median of ${options.rounds} rounds of ` +
        `${options.times}: ${spread.samples.map((r) => r.toFixed(2)).join(', ')})` +
        (i > 0
          ? `, ${ratio.toFixed(3)}× the first${withinNoise ? ' (within the rounds’ spread)' : ''}`
          : '') +
        '\n',
    );
  }
}

new Command('replay-cpu')
  .argument('<histories...>', 'committed history files (test/histories/*.json)')
  .option('--times <n>', 'replays of each history per round', positiveWhole('--times'), 300)
  .option('--rounds <n>', 'rounds, each replaying every history in turn', positiveWhole('--rounds'), 3)
  .action(main)
  .parseAsync()
  .catch((error: Error) => {
    process.stderr.write(`replay-cpu failed: ${error.message}\n`);
    process.exit(1);
  });
