/**
 * `npm run bench`: measures the platform against Temporal-only baselines on this machine, in the same run.
 * `--quick` finishes in under ten minutes; `--smoke` (used by `npm test`) only proves the bench still runs.
 */
import path from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { runCampaignBench, writeCampaignResults } from './campaign-run';
import { runRoundBench, writeRoundResults } from './round-run';
import { runTracingBench, writeTracingResults } from './tracing-run';
import { runProfile } from './profile-run';
import { splitCpus, type CpuSplit } from './cpu-pinning';
import { machineFacts } from './machine';
import { PLANS, type BenchPlan } from './plan';
import { writeResults, type BenchResult } from './report';
import { runPersistence } from './run';
import type { Persistence } from './stack';

interface BenchOptions {
  serverCpus?: CpuSplit;
  quick?: boolean;
  smoke?: boolean;
  persistence?: Persistence[];
  campaigns: boolean;
  out: string;
}

const program = new Command('bench')
  .enablePositionalOptions()
  .description('OneThing benchmarks: throughput, cost per case and history figures against baselines')
  .addOption(new Option('--quick', 'smaller sizes, under ten minutes').conflicts('smoke'))
  .addOption(new Option('--smoke', 'tiny sizes, in-memory only: proves the bench runs'))
  .addOption(
    new Option('--persistence <modes...>', 'dev server persistence modes to run').choices([
      'memory',
      'file-wal',
    ]),
  )
  .option(
    '--no-campaigns',
    'leave campaign scale out (it runs on its own with `bench campaign`; in full it takes over an hour)',
  )
  .addOption(serverCpusOption())
  .option('--out <folder>', 'where results are written', path.join(__dirname, 'results'))
  .action(async (options: BenchOptions) => {
    const base = PLANS[options.smoke ? 'smoke' : options.quick ? 'quick' : 'full'];
    const plan: BenchPlan = {
      ...base,
      persistence: options.persistence ?? base.persistence,
      campaign: options.campaigns ? base.campaign : { ...base.campaign, persistence: [] },
    };
    const result: BenchResult = {
      date: new Date().toISOString().slice(0, 10),
      plan,
      machine: machineFacts(),
      results: {},
    };
    const log = (line: string) => process.stdout.write(`${line}\n`);
    for (const persistence of plan.persistence) {
      result.results[persistence] = await runPersistence(plan, persistence, log, {
        cpus: options.serverCpus,
      });
    }
    const written = writeResults(result, options.out);
    log(`results: ${written.json}\nsummary: ${written.markdown}`);
  });

/** `--sizes a b c`: whole numbers, collected. */
const collectSizes = (value: string, previous: number[] = []) => [
  ...previous,
  positiveWhole('--sizes', value),
];
/** One dev server persistence mode for a scale run. */
const onePersistence = () =>
  new Option('--persistence <mode>', 'dev server persistence mode')
    .choices(['memory', 'file-wal'])
    .default('memory');

program
  .command('campaign')
  .description('campaign scale alone: district campaigns of the given sizes (100,000 is a run by hand)')
  .requiredOption('--sizes <households...>', 'campaign sizes', collectSizes)
  .addOption(onePersistence())
  .option(
    '--pace <perMinute>',
    'households started per minute (default: 80% of a measured closed loop)',
    (value) => positiveWhole('--pace', value),
  )
  .option('--out <folder>', 'where results are written', path.join(__dirname, 'results'))
  .action(async (options: { sizes: number[]; persistence: Persistence; pace?: number; out: string }) => {
    const log = (line: string) => process.stdout.write(`${line}\n`);
    const result = await runCampaignBench(
      {
        sizes: options.sizes,
        persistence: options.persistence,
        pacePerMinute: options.pace,
        machine: machineFacts(),
      },
      log,
    );
    const written = writeCampaignResults(result, options.out);
    log(`results: ${written.json}\nsummary: ${written.markdown}`);
  });

program
  .command('round')
  .description('免申即享 round scale: rounds over district registers of the given sizes (CPU per enterprise)')
  .requiredOption('--sizes <enterprises...>', 'register sizes', collectSizes)
  .addOption(onePersistence())
  .option('--out <folder>', 'where results are written', path.join(__dirname, 'results'))
  .action(async (options: { sizes: number[]; persistence: Persistence; out: string }) => {
    const log = (line: string) => process.stdout.write(`${line}\n`);
    const result = await runRoundBench(
      { sizes: options.sizes, persistence: options.persistence, machine: machineFacts() },
      log,
    );
    const written = writeRoundResults(result, options.out);
    log(`results: ${written.json}\nsummary: ${written.markdown}`);
  });

program
  .command('tracing')
  .description(
    'what tracing costs: households per second and CPU per household with tracing off, on at 100% and at 1%',
  )
  .option('--cases <n>', 'households measured per mode', (value) => positiveWhole('--cases', value), 300)
  .option('--concurrency <n>', 'households in flight', (value) => positiveWhole('--concurrency', value), 8)
  .addOption(onePersistence())
  .option('--out <folder>', 'where results are written', path.join(__dirname, 'results'))
  .action(async (options: { cases: number; concurrency: number; persistence: Persistence; out: string }) => {
    const log = (line: string) => process.stdout.write(`${line}\n`);
    const { out, ...run } = options;
    const result = await runTracingBench({ ...run, machine: machineFacts() }, log);
    const written = writeTracingResults(result, out);
    log(`results: ${written.json}\nsummary: ${written.markdown}`);
  });

program
  .command('profile')
  .description(
    "households, then WR, with the platform's processes under Node flags (a CPU profiler); CPU per case and, with --count-statements, SQL statements per household; writes no results",
  )
  .option('--cases <n>', 'cases per workload', (value) => positiveWhole('--cases', value), 200)
  .option('--concurrency <n>', 'cases in flight', (value) => positiveWhole('--concurrency', value), 8)
  .addOption(
    new Option('--persistence <mode>', 'dev server persistence mode')
      .choices(['memory', 'file-wal'])
      .default('memory'),
  )
  .option(
    '--node-args <flags>',
    'Node flags for the worker, API and baselines\' worker, e.g. "--cpu-prof --cpu-prof-dir=/tmp/profiles"',
    '',
  )
  .addOption(serverCpusOption())
  .option('--count-statements', 'count the SQL statements the worker and API send per household', false)
  .option(
    '--wr-payloads',
    "also run WRP: WR with its activities' inputs, results and summaries padded to a household's sizes, and a household's search attributes",
    false,
  )
  .option(
    '--count-promises',
    'replay one household and one WR case here and count the promises their workflow code creates',
    false,
  )
  .action(
    async (options: {
      cases: number;
      concurrency: number;
      persistence: Persistence;
      nodeArgs: string;
      countStatements: boolean;
      countPromises: boolean;
      wrPayloads: boolean;
      serverCpus?: CpuSplit;
    }) => {
      await runProfile(
        { ...options, nodeArgs: options.nodeArgs.split(' ').filter(Boolean) },
        (line: string) => process.stdout.write(`${line}\n`),
      );
    },
  );

function serverCpusOption(): Option {
  return new Option(
    '--server-cpus <list>',
    'run the dev server alone on these CPUs (taskset list, e.g. 0) and everything else on the rest, as if the server had hardware of its own',
  ).argParser((value) => {
    try {
      return splitCpus(value);
    } catch (error) {
      throw new InvalidArgumentError((error as Error).message);
    }
  });
}

function positiveWhole(option: string, value: string): number {
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed) || parsed < 1)
    throw new InvalidArgumentError(`${option} must be a whole number of at least 1 (got ${value})`);
  return parsed;
}

program.parseAsync().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${String((error as Error).stack ?? error)}\n`);
  process.exit(1);
});
