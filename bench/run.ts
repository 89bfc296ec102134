/**
 * One persistence mode of a benchmark: start the stack, warm up with households (whose histories give WR its
 * shape), then the workloads in A-B-B-A order, then the figures. Every run reads CPU from /proc around itself.
 */
import { randomBytes } from 'node:crypto';
import { closedLoop, type LoopRun } from './closed-loop';
import { meanCaseCost, shapeOf, type CaseCost } from './history-figures';
import type { BenchPlan } from './plan';
import { startBenchStack, type BenchStack, type Persistence, type ServerFacts } from './stack';
import { spreadOf, ratioOf, type Spread } from './stats';
import type { CaseShape } from './baselines/shape';
import { baselineRunner } from './workloads/baselines';
import { householdDriver, seedHouseholds } from './workloads/households';

export const WORKLOADS = ['W0', 'W1', 'WR', 'H'] as const;
export type Workload = (typeof WORKLOADS)[number];

export interface WorkloadFigures {
  casesPerSecond: Spread;
  latencyMs: { p50: Spread; p99: Spread };
  /** Median over the repetitions of CPU-seconds per completed case, by process. */
  cpuSecondsPerCase: Record<string, number>;
  /** Activities completed per CPU-second with every process counted: activities/s per fully used core. */
  activitiesPerCoreSecond: number;
  historyEventsPerSecond: Spread;
  cost: CaseCost;
}

export interface PersistenceResult {
  server: ServerFacts;
  shape: CaseShape;
  workloads: Record<Workload, WorkloadFigures>;
  ratios: {
    householdsVsWr: { ratio: number; withinNoise: boolean };
    householdEventsPerSecondVsW1: { ratio: number; withinNoise: boolean };
  };
  runs: Array<Omit<LoopRun, 'caseIds'>>;
}

/** The A-B-B-A order: every workload forwards, then backwards, `blocks` times. */
export function abbaOrder(blocks: number): Workload[] {
  return Array.from({ length: blocks }, () => [...WORKLOADS, ...[...WORKLOADS].reverse()]).flat();
}

const median = (values: number[]) => spreadOf(values).median;

function figuresOf(runs: LoopRun[], cost: CaseCost): WorkloadFigures {
  const processes = Object.keys(runs[0]!.cpuSeconds);
  const cpuPerCase = (run: LoopRun) => Object.values(run.cpuSeconds).reduce((a, b) => a + b, 0) / run.cases;
  return {
    casesPerSecond: spreadOf(runs.map((run) => run.casesPerSecond)),
    latencyMs: {
      p50: spreadOf(runs.map((run) => run.latencyMs.p50)),
      p99: spreadOf(runs.map((run) => run.latencyMs.p99)),
    },
    cpuSecondsPerCase: Object.fromEntries(
      processes.map((name) => [name, median(runs.map((run) => run.cpuSeconds[name]! / run.cases))]),
    ),
    activitiesPerCoreSecond: cost.activityAttempts / median(runs.map(cpuPerCase)),
    historyEventsPerSecond: spreadOf(runs.map((run) => run.casesPerSecond * cost.events)),
    cost,
  };
}

async function measure(
  stack: BenchStack,
  plan: BenchPlan,
  log: (line: string) => void,
): Promise<PersistenceResult> {
  const runTag = randomBytes(3).toString('hex').toUpperCase();
  const households = plan.warmupHouseholds + plan.blocks * 2 * plan.cases.H;
  await seedHouseholds(stack, runTag, households);
  const driver = await householdDriver(stack, runTag);
  let nextHousehold = 0;
  const householdRunner = () => driver.runner(nextHousehold++);
  const processes = { ...stack.processes };
  try {
    const warmup = await closedLoop(
      'warm-up',
      { total: plan.warmupHouseholds, concurrency: plan.concurrency, processes },
      householdRunner,
    );
    const householdCostSample = warmup.caseIds.slice(0, plan.historySample);
    const shape = shapeOf(await meanCaseCost(stack.client, householdCostSample));
    log(`  WR shape from the warm-up households: ${JSON.stringify(shape)}`);
    for (const name of ['W0', 'W1', 'WR'] as const) {
      await closedLoop(
        `warm-up ${name}`,
        { total: plan.concurrency, concurrency: plan.concurrency, processes },
        baselineRunner(stack.client, name, shape),
      );
    }

    const runs = new Map<Workload, LoopRun[]>(WORKLOADS.map((w) => [w, []]));
    for (const workload of abbaOrder(plan.blocks)) {
      const runner = workload === 'H' ? householdRunner : baselineRunner(stack.client, workload, shape);
      const run = await closedLoop(
        workload,
        { total: plan.cases[workload], concurrency: plan.concurrency, processes },
        runner,
      );
      runs.get(workload)!.push(run);
      log(
        `  ${workload}: ${run.cases} cases in ${run.wallSeconds.toFixed(1)} s = ${run.casesPerSecond.toFixed(2)}/s`,
      );
    }

    const workloads = {} as Record<Workload, WorkloadFigures>;
    for (const workload of WORKLOADS) {
      const sample = runs
        .get(workload)!
        .flatMap((run) => run.caseIds)
        .slice(0, plan.historySample);
      workloads[workload] = figuresOf(runs.get(workload)!, await meanCaseCost(stack.client, sample));
    }
    return {
      server: stack.server,
      shape,
      workloads,
      ratios: {
        householdsVsWr: ratioOf(workloads.H.casesPerSecond, workloads.WR.casesPerSecond),
        householdEventsPerSecondVsW1: ratioOf(
          workloads.H.historyEventsPerSecond,
          workloads.W1.historyEventsPerSecond,
        ),
      },
      runs: [...runs.values()].flat().map(({ caseIds: _ids, ...run }) => run),
    };
  } finally {
    await driver.stop();
  }
}

export async function runPersistence(
  plan: BenchPlan,
  persistence: Persistence,
  log: (line: string) => void,
): Promise<PersistenceResult> {
  log(`• ${persistence}: starting the dev server, database, worker, API and baseline worker`);
  const stack = await startBenchStack(persistence);
  try {
    return await measure(stack, plan, log);
  } finally {
    await stack.stop();
  }
}
