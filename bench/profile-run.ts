/**
 * `npm run bench -- profile`: where a household's cost goes, next to WR's. One stack whose worker, API and
 * baselines' worker run with the given Node flags (a CPU profiler: `--cpu-prof --cpu-prof-dir <dir>`, written
 * when the stack stops), households then WR in a closed loop, CPU per case for each process and, with the
 * statement counter, the SQL statements each process sent per household. Writes no results: profiling changes
 * what it measures.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createDataConverter } from '../platform/codec/data-converter';
import { parseKeyRing } from '../platform/codec/payload-codec';
import { closedLoop, type LoopRun } from './closed-loop';
import { serverPinning, type CpuSplit } from './cpu-pinning';
import { pidOf } from './proc-cpu';
import { meanCaseCost, shapeOf } from './history-figures';
import { countPromises, workflowBundles } from './promise-counter';
import { startBenchStack, type BenchStack, type Persistence } from './stack';
import { retrofitShapedRunners } from './workloads/baselines';
import { householdDriver, seedHouseholds } from './workloads/households';
import { payloadMatchedShape } from './workloads/payload-matched';

const STATEMENT_COUNTER = path.join(__dirname, 'tools', 'count-statements.cjs');

interface ProfileOptions {
  persistence: Persistence;
  cases: number;
  concurrency: number;
  nodeArgs: string[];
  countStatements: boolean;
  /** Also run WRP: WR carrying a household's payload bytes and search attributes. */
  wrPayloads: boolean;
  /** The dev server alone on some CPUs (`--server-cpus`). */
  serverCpus?: CpuSplit;
  /** Replay one household's and one WR case's history here and count the promises their workflow code creates. */
  countPromises: boolean;
}

type StatementCounts = Array<[statement: string, count: number]>;

/** Asks a process preloaded with the statement counter for its counts since the last ask. */
async function statementsSinceLastAsk(pid: number): Promise<StatementCounts> {
  const file = path.join(os.tmpdir(), `onething-statements-${pid}.json`);
  rmSync(file, { force: true });
  process.kill(pid, 'SIGUSR2');
  for (let waited = 0; !existsSync(file); waited += 50) {
    if (waited > 10_000)
      throw new Error(`process ${pid} wrote no statement counts (is the counter preloaded?)`);
    await sleep(50);
  }
  const counts = JSON.parse(readFileSync(file, 'utf8')) as StatementCounts;
  rmSync(file, { force: true });
  return counts;
}

function logStatements(log: (line: string) => void, role: string, counts: StatementCounts, cases: number) {
  const total = counts.reduce((sum, [, count]) => sum + count, 0);
  log(`  ${role}: ${(total / cases).toFixed(1)} statements per household`);
  for (const [statement, count] of counts) {
    log(`    ${(count / cases).toFixed(2).padStart(6)}  ${statement.slice(0, 150)}`);
  }
}

/** One case of each run replayed here with the promise counter (`SITES_SHOWN` sites each, 12 unless told). */
async function logPromiseCounts(
  stack: BenchStack,
  runs: LoopRun[],
  log: (line: string) => void,
): Promise<void> {
  const bundleFor = workflowBundles();
  const dataConverter = createDataConverter(parseKeyRing(stack.env.ONETHING_PAYLOAD_KEYS!));
  const shown = Number(process.env.SITES_SHOWN ?? 12);
  log(
    '  promises the workflow code of one case creates (replayed here, first bundle frames that create them):',
  );
  for (const run of runs) {
    const history = await stack.client.workflow.getHandle(run.caseIds[0]!).fetchHistory();
    const { promises, sites } = await countPromises(history, bundleFor, dataConverter);
    log(`    ${run.workload}: ${promises}`);
    for (const [site, n] of sites.slice(0, shown)) log(`      ${String(n).padStart(5)}  ${site}`);
  }
}

const perCase = (cpuSeconds: Record<string, number>, cases: number) =>
  Object.entries(cpuSeconds)
    .map(([role, seconds]) => `${role} ${(seconds / cases).toFixed(4)}`)
    .join(', ');

export async function runProfile(options: ProfileOptions, log: (line: string) => void): Promise<void> {
  const nodeArgs = [
    ...options.nodeArgs,
    ...(options.countStatements ? ['--require', STATEMENT_COUNTER] : []),
  ];
  log(
    `• ${options.persistence}: starting the stack; the platform's processes run with ${nodeArgs.join(' ')}`,
  );
  const stack: BenchStack = await startBenchStack(options.persistence, {
    childNodeArgs: nodeArgs,
    cpus: options.serverCpus,
  });
  if (options.serverCpus) log(`  ${serverPinning(options.serverCpus)}`);
  const { cases, concurrency } = options;
  const processes = { ...stack.processes };
  const pids = { worker: pidOf(stack.processes.worker), api: pidOf(stack.processes.api) };
  try {
    const warmup = 2 * concurrency;
    await seedHouseholds(stack, 'PROFILE', warmup + cases);
    const driver = await householdDriver(stack, 'PROFILE');
    let next = 0;
    const householdRunner = () => driver.runner(next++);
    const retrofitShaped = retrofitShapedRunners(stack.client, stack.waitNotices);
    try {
      const warm = await closedLoop('warm-up', { total: warmup, concurrency, processes }, householdRunner);
      const shape = shapeOf(await meanCaseCost(stack.client, warm.caseIds.slice(0, 3)));
      const wr = retrofitShaped.runnerFor(shape);
      await closedLoop('warm-up WR', { total: concurrency, concurrency, processes }, wr);

      if (options.countStatements) for (const pid of Object.values(pids)) await statementsSinceLastAsk(pid);
      const households = await closedLoop('H', { total: cases, concurrency, processes }, householdRunner);
      const counted = options.countStatements
        ? { worker: await statementsSinceLastAsk(pids.worker), api: await statementsSinceLastAsk(pids.api) }
        : undefined;
      const runs = [households, await closedLoop('WR', { total: cases, concurrency, processes }, wr)];
      const sampleCost = (run: LoopRun) => meanCaseCost(stack.client, run.caseIds.slice(0, 3));
      const householdCost = await sampleCost(households);

      if (options.wrPayloads) {
        const wrpShape = await payloadMatchedShape(
          stack,
          shape,
          { cost: householdCost, sampleWorkflowId: households.caseIds[0]! },
          { concurrency, processes },
        );
        log(`  WRP: ${JSON.stringify(wrpShape)}`);
        const padded = retrofitShaped.runnerFor(wrpShape);
        runs.push(
          await closedLoop(
            "WRP (WR with a household's payloads and search attributes)",
            { total: cases, concurrency, processes },
            padded,
          ),
        );
      }

      for (const run of runs) {
        const cost = run === households ? householdCost : await sampleCost(run);
        log(
          `  ${run.workload}: ${run.casesPerSecond.toFixed(2)} cases/s; CPU-s per case: ${perCase(run.cpuSeconds, cases)}; ` +
            `history ${cost.events.toFixed(0)} events, ${cost.workflowTasks.toFixed(0)} workflow tasks, ${(cost.historyBytes / 1024).toFixed(1)} KiB`,
        );
      }
      if (counted) {
        logStatements(log, 'worker', counted.worker, cases);
        logStatements(log, 'API', counted.api, cases);
      }
      if (options.countPromises) await logPromiseCounts(stack, runs, log);
    } finally {
      await driver.stop();
      await retrofitShaped.stop();
    }
  } finally {
    await stack.stop();
  }
}
