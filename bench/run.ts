/**
 * One persistence mode of a benchmark: start the stack, warm up with households (whose histories give WR its
 * shape), then the workloads in A-B-B-A order, then the figures. Every run reads CPU from /proc around itself.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { closedLoop, type LoopRun } from './closed-loop';
import { onEveryCpu } from './cpu-pinning';
import { openLoop, type OpenLoopRun } from './open-loop';
import { meanCaseCost, shapeOf, type CaseCost } from './history-figures';
import type { BenchPlan } from './plan';
import {
  startBenchStack,
  type BenchStack,
  type Persistence,
  type ServerFacts,
  type StackOptions,
} from './stack';
import { spreadOf, ratioOf, type Spread } from './stats';
import type { CaseShape } from './baselines/shape';
import { plainBaselineRunner, retrofitShapedRunners } from './workloads/baselines';
import { householdDriver, seedHouseholds } from './workloads/households';
import { payloadMatchedShape } from './workloads/payload-matched';
import type { WorkloadDriver } from './workloads/case-poller';
import { childcareDriver } from './workloads/childcare';
import { petitionDriver } from './workloads/petitions';
import { runCampaigns, type CampaignScaleRun } from './workloads/campaign-scale';
import { measureParkedMemory, type MemoryFigures } from './workloads/parked-memory';
import { measureReplay, type ReplayFigures } from './workloads/replay';
import { measureStartOverhead, type StartArmRun } from './workloads/start-overhead';

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

export interface PersistenceResult {
  server: ServerFacts;
  shape: CaseShape;
  /** WR's shape with the households' payload bytes and one household's search attributes (payload-matched.ts). */
  wrpShape: CaseShape;
  workloads: Record<Workload, WorkloadFigures>;
  /** Petitions to `completed` and childcare applications to `registered`, closed loop (after the A-B-B-A blocks). */
  processes: Record<ProcessWorkload, WorkloadFigures>;
  ratios: {
    householdsVsWr: { ratio: number; withinNoise: boolean };
    householdsVsWrp: { ratio: number; withinNoise: boolean };
    householdEventsPerSecondVsW1: { ratio: number; withinNoise: boolean };
    /** API start p50 ÷ raw client start p50, at the same rate. */
    apiStartP50VsRaw: { ratio: number; withinNoise: boolean };
    /** The audit CLI's replay on one process ÷ raw replay on one process (histories/s). */
    auditReplayVsRaw: { ratio: number; withinNoise: boolean };
    /** The audit CLI on two processes ÷ on one. */
    auditTwoProcessesVsOne: { ratio: number; withinNoise: boolean };
  };
  replay: ReplayFigures;
  memory: MemoryFigures;
  /** Households at a fixed rate: 50% and 80% of the closed loop's median throughput. */
  openLoop: OpenLoopRun[];
  starts: { api: StartFigures; raw: StartFigures; runs: StartArmRun[] };
  /** District campaigns of the plan's sizes, smallest first (none where the plan leaves this mode out). */
  campaignScale: CampaignScaleRun[];
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
    driverCpuSecondsPerCase: median(runs.map((run) => run.driverCpuSeconds / run.cases)),
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
  const households = plan.warmupHouseholds + plan.blocks * 2 * plan.cases.H + 2 * plan.cases.H;
  await seedHouseholds(stack, runTag, households);
  const driver = await householdDriver(stack, runTag);
  let nextHousehold = 0;
  const householdRunner = () => driver.runner(nextHousehold++);
  const processDrivers: Record<ProcessWorkload, WorkloadDriver> = {
    P: await petitionDriver(stack, runTag),
    C: await childcareDriver(stack, 2 * plan.blocks * plan.cases.C),
  };
  const processes = { ...stack.processes };
  const retrofitShaped = retrofitShapedRunners(stack.client, stack.waitNotices);
  try {
    const warmup = await closedLoop(
      'warm-up',
      { total: plan.warmupHouseholds, concurrency: plan.concurrency, processes },
      householdRunner,
    );
    const householdCostSample = warmup.caseIds.slice(0, plan.historySample);
    const householdCost = await meanCaseCost(stack.client, householdCostSample);
    const shape = shapeOf(householdCost);
    log(`  WR shape from the warm-up households: ${JSON.stringify(shape)}`);
    const wrpShape = await payloadMatchedShape(
      stack,
      shape,
      { cost: householdCost, sampleWorkflowId: householdCostSample[0]! },
      { concurrency: plan.concurrency, processes },
    );
    log(`  WRP: ${JSON.stringify(wrpShape)}`);
    const baselineRunners = {
      W0: plainBaselineRunner(stack.client, 'W0'),
      W1: plainBaselineRunner(stack.client, 'W1'),
      WR: retrofitShaped.runnerFor(shape),
      WRP: retrofitShaped.runnerFor(wrpShape),
    };
    for (const [name, runner] of Object.entries(baselineRunners)) {
      await closedLoop(
        `warm-up ${name}`,
        { total: plan.concurrency, concurrency: plan.concurrency, processes },
        runner,
      );
    }

    const runs = new Map<Workload, LoopRun[]>(WORKLOADS.map((w) => [w, []]));
    for (const workload of abbaOrder(plan.blocks)) {
      const runner = workload === 'H' ? householdRunner : baselineRunners[workload];
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

    const processRuns: LoopRun[] = [];
    const processFigures = {} as Record<ProcessWorkload, WorkloadFigures>;
    for (const workload of PROCESS_WORKLOADS) {
      const { runner } = processDrivers[workload];
      const workloadRuns: LoopRun[] = [];
      for (let repetition = 0; repetition < 2 * plan.blocks; repetition++) {
        const base = repetition * plan.cases[workload];
        const run = await closedLoop(
          workload,
          { total: plan.cases[workload], concurrency: plan.concurrency, processes },
          (index) => runner(base + index),
        );
        workloadRuns.push(run);
        log(
          `  ${workload}: ${run.cases} cases in ${run.wallSeconds.toFixed(1)} s = ${run.casesPerSecond.toFixed(2)}/s`,
        );
      }
      const sample = workloadRuns.flatMap((run) => run.caseIds).slice(0, plan.historySample);
      processFigures[workload] = figuresOf(workloadRuns, await meanCaseCost(stack.client, sample));
      processRuns.push(...workloadRuns);
    }

    const openLoopRuns: OpenLoopRun[] = [];
    for (const share of [0.5, 0.8]) {
      const ratePerSecond = share * workloads.H.casesPerSecond.median;
      const run = await openLoop(
        `households at ${share * 100}%`,
        { ratePerSecond, requests: plan.cases.H },
        householdRunner,
      );
      openLoopRuns.push(run);
      log(
        `  households open loop at ${ratePerSecond.toFixed(2)}/s: p50 ${run.latencyMs.p50.toFixed(0)} ms, p99 ${run.latencyMs.p99.toFixed(0)} ms`,
      );
    }

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
    const starts = { api: startFigures('api'), raw: startFigures('raw'), runs: startRuns };

    const replayFolder = mkdtempSync(path.join(os.tmpdir(), 'onething-bench-replay-'));
    const householdIds = runs.get('H')!.flatMap((run) => run.caseIds);
    // Replay reads histories from files with the server idle: with a pinned server, it gets every CPU back.
    const replay = await onEveryCpu(stack.server.cpus, () =>
      measureReplay(stack, householdIds, { folder: replayFolder, blocks: plan.replayBlocks }),
    ).finally(() => rmSync(replayFolder, { recursive: true, force: true }));
    log(
      `  replay of ${replay.histories} histories: audit ${replay.historiesPerSecond['audit-1'].median.toFixed(1)}/s, raw ${replay.historiesPerSecond['raw-1'].median.toFixed(1)}/s; two processes: audit ${replay.historiesPerSecond['audit-2'].median.toFixed(1)}/s`,
    );
    log(
      `  starts at ${plan.starts.ratePerSecond}/s: API p50 ${starts.api.p50.median.toFixed(1)} ms, raw client p50 ${starts.raw.p50.median.toFixed(1)} ms`,
    );

    const memory = await measureParkedMemory(stack, `${runTag}M`, plan.parked);
    log(
      `  worker memory (${memory.endedFirst} running cases ended first): ${memory.points.map((p) => `${p.parked} parked ${p.rssMiB.toFixed(0)} MiB`).join(', ')}; ${memory.mibPerParkedCase.toFixed(3)} MiB per case`,
    );

    const campaignScale = plan.campaign.persistence.includes(stack.server.persistence)
      ? await runCampaigns(
          stack,
          {
            sizes: plan.campaign.sizes,
            tag: runTag,
            householdsPerMinute: Math.max(1, Math.round(0.8 * workloads.H.casesPerSecond.median * 60)),
          },
          log,
        )
      : [];

    return {
      server: stack.server,
      shape,
      wrpShape,
      workloads,
      processes: processFigures,
      ratios: {
        householdsVsWr: ratioOf(workloads.H.casesPerSecond, workloads.WR.casesPerSecond),
        householdsVsWrp: ratioOf(workloads.H.casesPerSecond, workloads.WRP.casesPerSecond),
        householdEventsPerSecondVsW1: ratioOf(
          workloads.H.historyEventsPerSecond,
          workloads.W1.historyEventsPerSecond,
        ),
        apiStartP50VsRaw: ratioOf(starts.api.p50, starts.raw.p50),
        auditReplayVsRaw: ratioOf(replay.historiesPerSecond['audit-1'], replay.historiesPerSecond['raw-1']),
        auditTwoProcessesVsOne: ratioOf(
          replay.historiesPerSecond['audit-2'],
          replay.historiesPerSecond['audit-1'],
        ),
      },
      replay,
      memory,
      openLoop: openLoopRuns,
      starts,
      campaignScale,
      runs: [...runs.values(), processRuns].flat().map(({ caseIds: _ids, ...run }) => run),
    };
  } finally {
    await driver.stop();
    await retrofitShaped.stop();
    for (const processDriver of Object.values(processDrivers)) await processDriver.stop();
  }
}

export async function runPersistence(
  plan: BenchPlan,
  persistence: Persistence,
  log: (line: string) => void,
  stackOptions: StackOptions = {},
): Promise<PersistenceResult> {
  log(`• ${persistence}: starting the dev server, database, worker, API and baseline worker`);
  const stack = await startBenchStack(persistence, stackOptions);
  try {
    return await measure(stack, plan, log);
  } finally {
    await stack.stop();
  }
}
