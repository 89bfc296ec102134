/**
 * The phases of one persistence mode's measurement (run.ts puts them in order): the warm-up that gives WR its shape,
 * the A-B-B-A blocks, the other processes' loops, the open loop, starts, replay, and the ratios between them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { closedLoop, type CaseRunner, type LoopRun } from './closed-loop';
import { onEveryCpu } from './cpu-pinning';
import { meanCaseCost, shapeOf, type CaseCost } from './history-figures';
import { openLoop, type OpenLoopRun } from './open-loop';
import type { BenchPlan } from './plan';
import type { ProcessSelector } from './proc-cpu';
import type { BenchStack } from './stack';
import { ratioOf, spreadOf, type Spread } from './stats';
import type { CaseShape } from './baselines/shape';
import { plainBaselineRunner } from './workloads/baselines';
import { payloadMatchedShape } from './workloads/payload-matched';
import type { WorkloadDriver } from './workloads/case-poller';
import { measureReplay, type ReplayFigures } from './workloads/replay';
import { measureStartOverhead, type StartArmRun } from './workloads/start-overhead';
import { seedHouseholds } from './workloads/households';

/** WRP is WR handing Temporal a household's bytes and search attributes: beside WR, it tells what those cost. */
export const WORKLOADS = ['W0', 'W1', 'WR', 'WRP', 'H'] as const;
export type Workload = (typeof WORKLOADS)[number];
/** The other processes' main paths through the API, run after the A-B-B-A blocks: P petitions, C childcare. */
export const PROCESS_WORKLOADS = ['P', 'C'] as const;
export type ProcessWorkload = (typeof PROCESS_WORKLOADS)[number];

export interface WorkloadFigures {
  casesPerSecond: Spread;
  latencyMs: { p50: Spread; p99: Spread };
  /** Median over the repetitions of CPU-seconds per completed case, by process. */
  cpuSecondsPerCase: Record<string, number>;
  /** The same for the bench's own driver process (not in any total). */
  driverCpuSecondsPerCase: number;
  /** Activities completed per CPU-second with every process counted: activities/s per fully used core. */
  activitiesPerCoreSecond: number;
  historyEventsPerSecond: Spread;
  cost: CaseCost;
}

export interface StartFigures {
  p50: Spread;
  p99: Spread;
  cpuSecondsPerStart: number;
}

/** What every phase is handed: the stack, the plan, where to log, and the processes whose CPU is read. */
export interface Phase {
  stack: BenchStack;
  plan: BenchPlan;
  log: (line: string) => void;
  processes: Record<string, ProcessSelector>;
}

/** The A-B-B-A order: every workload forwards, then backwards, `blocks` times. */
function abbaOrder(blocks: number): Workload[] {
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
    driverCpuSecondsPerCase: median(runs.map((run) => run.driverCpuSeconds / run.cases)),
    activitiesPerCoreSecond: cost.activityAttempts / median(runs.map(cpuPerCase)),
    historyEventsPerSecond: spreadOf(runs.map((run) => run.casesPerSecond * cost.events)),
    cost,
  };
}

/** The figures of a workload's runs, with its cost read from a sample of their histories. */
async function figuresWithCost({ stack, plan }: Phase, runs: LoopRun[]): Promise<WorkloadFigures> {
  const sample = runs.flatMap((run) => run.caseIds).slice(0, plan.historySample);
  return figuresOf(runs, await meanCaseCost(stack.client, sample));
}

const logged = (log: Phase['log'], run: LoopRun) =>
  log(
    `  ${run.workload}: ${run.cases} cases in ${run.wallSeconds.toFixed(1)} s = ${run.casesPerSecond.toFixed(2)}/s`,
  );

/**
 * Households warm the stack up and give WR its shape (and WRP its bytes); each baseline then warms up once. Returns
 * the baselines' runners.
 */
export async function warmUp(
  phase: Phase,
  householdRunner: CaseRunner,
  retrofitShaped: { runnerFor(shape: CaseShape): CaseRunner },
) {
  const { stack, plan, log, processes } = phase;
  const loop = { concurrency: plan.concurrency, processes };
  const warmup = await closedLoop('warm-up', { ...loop, total: plan.warmupHouseholds }, householdRunner);
  const householdCostSample = warmup.caseIds.slice(0, plan.historySample);
  const householdCost = await meanCaseCost(stack.client, householdCostSample);
  const shape = shapeOf(householdCost);
  log(`  WR shape from the warm-up households: ${JSON.stringify(shape)}`);
  const sample = { cost: householdCost, sampleWorkflowId: householdCostSample[0]! };
  const wrpShape = await payloadMatchedShape(stack, shape, sample, loop);
  log(`  WRP: ${JSON.stringify(wrpShape)}`);
  const baselineRunners: Record<Exclude<Workload, 'H'>, CaseRunner> = {
    W0: plainBaselineRunner(stack.client, 'W0'),
    W1: plainBaselineRunner(stack.client, 'W1'),
    WR: retrofitShaped.runnerFor(shape),
    WRP: retrofitShaped.runnerFor(wrpShape),
  };
  for (const [name, runner] of Object.entries(baselineRunners)) {
    await closedLoop(`warm-up ${name}`, { ...loop, total: plan.concurrency }, runner);
  }
  return { shape, wrpShape, baselineRunners };
}

/** Every workload in A-B-B-A blocks, closed loop; the runs by workload and their figures. */
export async function abbaBlocks(phase: Phase, runners: Record<Workload, CaseRunner>) {
  const { plan, log, processes } = phase;
  const runs = new Map<Workload, LoopRun[]>(WORKLOADS.map((w) => [w, []]));
  for (const workload of abbaOrder(plan.blocks)) {
    const loop = { total: plan.cases[workload], concurrency: plan.concurrency, processes };
    const run = await closedLoop(workload, loop, runners[workload]);
    runs.get(workload)!.push(run);
    logged(log, run);
  }
  const workloads = {} as Record<Workload, WorkloadFigures>;
  for (const workload of WORKLOADS) workloads[workload] = await figuresWithCost(phase, runs.get(workload)!);
  return { runs, workloads };
}

/** Petitions and childcare applications, closed loop, as many repetitions as the A-B-B-A blocks had. */
export async function processLoops(phase: Phase, drivers: Record<ProcessWorkload, WorkloadDriver>) {
  const { plan, log, processes } = phase;
  const processRuns: LoopRun[] = [];
  const figures = {} as Record<ProcessWorkload, WorkloadFigures>;
  for (const workload of PROCESS_WORKLOADS) {
    const { runner } = drivers[workload];
    const workloadRuns: LoopRun[] = [];
    for (let repetition = 0; repetition < 2 * plan.blocks; repetition++) {
      const base = repetition * plan.cases[workload];
      const loop = { total: plan.cases[workload], concurrency: plan.concurrency, processes };
      const run = await closedLoop(workload, loop, (index) => runner(base + index));
      workloadRuns.push(run);
      logged(log, run);
    }
    figures[workload] = await figuresWithCost(phase, workloadRuns);
    processRuns.push(...workloadRuns);
  }
  return { processRuns, figures };
}

/** Households at 50% and 80% of their closed-loop rate, latency from each start's scheduled time. */
export async function householdsOpenLoop(
  { plan, log }: Phase,
  closedLoopRate: number,
  householdRunner: CaseRunner,
): Promise<OpenLoopRun[]> {
  const runs: OpenLoopRun[] = [];
  for (const share of [0.5, 0.8]) {
    const ratePerSecond = share * closedLoopRate;
    const options = { ratePerSecond, requests: plan.cases.H };
    const run = await openLoop(`households at ${share * 100}%`, options, householdRunner);
    runs.push(run);
    log(
      `  households open loop at ${ratePerSecond.toFixed(2)}/s: p50 ${run.latencyMs.p50.toFixed(0)} ms, p99 ${run.latencyMs.p99.toFixed(0)} ms`,
    );
  }
  return runs;
}

/** Starts through the API against the raw client in-process, at one fixed rate. */
export async function startsThroughApiAndRaw({ stack, plan, log }: Phase, runTag: string) {
  const startTag = `${runTag}S`;
  await seedHouseholds(stack, startTag, 4 * plan.blocks * plan.starts.requests);
  const startRuns = await measureStartOverhead(stack, startTag, { ...plan.starts, blocks: plan.blocks });
  const startFigures = (arm: 'api' | 'raw'): StartFigures => {
    const armRuns = startRuns.filter((run) => run.arm === arm);
    return {
      p50: spreadOf(armRuns.map((run) => run.latencyMs.p50)),
      p99: spreadOf(armRuns.map((run) => run.latencyMs.p99)),
      cpuSecondsPerStart: median(armRuns.map((run) => run.cpuSecondsPerStart)),
    };
  };
  const starts: { api: StartFigures; raw: StartFigures; runs: StartArmRun[] } = {
    api: startFigures('api'),
    raw: startFigures('raw'),
    runs: startRuns,
  };
  log(
    `  starts at ${plan.starts.ratePerSecond}/s: API p50 ${starts.api.p50.median.toFixed(1)} ms, raw client p50 ${starts.raw.p50.median.toFixed(1)} ms`,
  );
  return starts;
}

/** The audit CLI's replay against raw replay, of the run's household histories. */
export async function replayOfHouseholds(
  { stack, plan, log }: Phase,
  householdIds: string[],
): Promise<ReplayFigures> {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'onething-bench-replay-'));
  // Replay reads histories from files with the server idle: with a pinned server, it gets every CPU back.
  const replay = await onEveryCpu(stack.server.cpus, () =>
    measureReplay(stack, householdIds, { folder, blocks: plan.replayBlocks }),
  ).finally(() => rmSync(folder, { recursive: true, force: true }));
  const perSecond = replay.historiesPerSecond;
  log(
    `  replay of ${replay.histories} histories: audit ${perSecond['audit-1'].median.toFixed(1)}/s, raw ${perSecond['raw-1'].median.toFixed(1)}/s; two processes: audit ${perSecond['audit-2'].median.toFixed(1)}/s`,
  );
  return replay;
}

/** The ratios, each measured in this run. */
export function ratiosOf(
  workloads: Record<Workload, WorkloadFigures>,
  starts: { api: StartFigures; raw: StartFigures },
  replay: ReplayFigures,
) {
  const perSecond = replay.historiesPerSecond;
  return {
    householdsVsWr: ratioOf(workloads.H.casesPerSecond, workloads.WR.casesPerSecond),
    householdsVsWrp: ratioOf(workloads.H.casesPerSecond, workloads.WRP.casesPerSecond),
    householdEventsPerSecondVsW1: ratioOf(
      workloads.H.historyEventsPerSecond,
      workloads.W1.historyEventsPerSecond,
    ),
    /** API start p50 ÷ raw client start p50, at the same rate. */
    apiStartP50VsRaw: ratioOf(starts.api.p50, starts.raw.p50),
    /** The audit CLI's replay on one process ÷ raw replay on one process (histories/s). */
    auditReplayVsRaw: ratioOf(perSecond['audit-1'], perSecond['raw-1']),
    /** The audit CLI on two processes ÷ on one. */
    auditTwoProcessesVsOne: ratioOf(perSecond['audit-2'], perSecond['audit-1']),
  };
}
