/**
 * `npm run bench`: measures the platform against Temporal-only baselines on this machine, in the same run.
 * `--quick` finishes in under ten minutes; `--smoke` (used by `npm test`) only proves the bench still runs.
 */
import path from 'node:path';
import { Command, Option } from 'commander';
import { machineFacts } from './machine';
import { PLANS, type BenchPlan } from './plan';
import { writeResults, type BenchResult } from './report';
import { runPersistence } from './run';
import type { Persistence } from './stack';

const program = new Command('bench')
  .description('OneThing benchmarks: throughput, cost per case and history figures against baselines')
  .addOption(new Option('--quick', 'smaller sizes, under ten minutes').conflicts('smoke'))
  .addOption(new Option('--smoke', 'tiny sizes, in-memory only: proves the bench runs'))
  .addOption(
    new Option('--persistence <modes...>', 'dev server persistence modes to run').choices([
      'memory',
      'file-wal',
    ]),
  )
  .option('--out <folder>', 'where results are written', path.join(__dirname, 'results'))
  .action(async (options: { quick?: boolean; smoke?: boolean; persistence?: Persistence[]; out: string }) => {
    const base = PLANS[options.smoke ? 'smoke' : options.quick ? 'quick' : 'full'];
    const plan: BenchPlan = { ...base, persistence: options.persistence ?? base.persistence };
    const result: BenchResult = {
      date: new Date().toISOString().slice(0, 10),
      plan,
      machine: machineFacts(),
      results: {},
    };
    const log = (line: string) => process.stdout.write(`${line}\n`);
    for (const persistence of plan.persistence) {
      result.results[persistence] = await runPersistence(plan, persistence, log);
    }
    const written = writeResults(result, options.out);
    log(`results: ${written.json}\nsummary: ${written.markdown}`);
  });

program.parseAsync().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${String((error as Error).stack ?? error)}\n`);
  process.exit(1);
});
