/**
 * One persistence mode of a benchmark: start the stack, warm up with households (whose histories give WR its
 * shape), then the workloads in A-B-B-A order, then the figures. Every run reads CPU from /proc around itself; the
 * phases are in phases.ts.
 */
import { randomBytes } from 'node:crypto';
import type { LoopRun } from './closed-loop';
import type { OpenLoopRun } from './open-loop';
import type { BenchPlan } from './plan';
import {
  abbaBlocks,
  householdsOpenLoop,
  processLoops,
  ratiosOf,
  replayOfHouseholds,
  startsThroughApiAndRaw,
  warmUp,
  type Phase,
  type ProcessWorkload,
  type StartFigures,
  type Workload,
  type WorkloadFigures,
} from './phases';
import {
  startBenchStack,
  type BenchStack,
  type Persistence,
  type ServerFacts,
  type StackOptions,
} from './stack';
import type { CaseShape } from './baselines/shape';
import { retrofitShapedRunners } from './workloads/baselines';
import { householdDriver, seedHouseholds } from './workloads/households';
import type { WorkloadDriver } from './workloads/case-poller';
import { childcareDriver } from './workloads/childcare';
import { petitionDriver } from './workloads/petitions';
import { runCampaigns, type CampaignScaleRun } from './workloads/campaign-scale';
import { measureParkedMemory, type MemoryFigures } from './workloads/parked-memory';
import type { ReplayFigures } from './workloads/replay';
import type { StartArmRun } from './workloads/start-overhead';

export {
  PROCESS_WORKLOADS,
  WORKLOADS,
  type ProcessWorkload,
  type StartFigures,
  type Workload,
  type WorkloadFigures,
} from './phases';

export interface PersistenceResult {
  server: ServerFacts;
  shape: CaseShape;
  /** WR's shape with the households' payload bytes and one household's search attributes (payload-matched.ts). */
  wrpShape: CaseShape;
  workloads: Record<Workload, WorkloadFigures>;
  /** Petitions to `completed` and childcare applications to `registered`, closed loop (after the A-B-B-A blocks). */
  processes: Record<ProcessWorkload, WorkloadFigures>;
  ratios: ReturnType<typeof ratiosOf>;
  replay: ReplayFigures;
  memory: MemoryFigures;
  /** Households at a fixed rate: 50% and 80% of the closed loop's median throughput. */
  openLoop: OpenLoopRun[];
  starts: { api: StartFigures; raw: StartFigures; runs: StartArmRun[] };
  /** District campaigns of the plan's sizes, smallest first (none where the plan leaves this mode out). */
  campaignScale: CampaignScaleRun[];
  runs: Array<Omit<LoopRun, 'caseIds'>>;
}

/** District campaigns at 80% of the households' closed-loop rate, where the plan runs them in this mode. */
async function campaignsAtScale(phase: Phase, runTag: string, householdsPerSecond: number) {
  const { stack, plan, log } = phase;
  if (!plan.campaign.persistence.includes(stack.server.persistence)) return [];
  const householdsPerMinute = Math.max(1, Math.round(0.8 * householdsPerSecond * 60));
  return runCampaigns(stack, { sizes: plan.campaign.sizes, tag: runTag, householdsPerMinute }, log);
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
  const phase: Phase = { stack, plan, log, processes: { ...stack.processes } };
  const retrofitShaped = retrofitShapedRunners(stack.client, stack.waitNotices);
  try {
    const { shape, wrpShape, baselineRunners } = await warmUp(phase, householdRunner, retrofitShaped);
    const { runs, workloads } = await abbaBlocks(phase, { ...baselineRunners, H: householdRunner });
    const { processRuns, figures } = await processLoops(phase, processDrivers);
    const openLoop = await householdsOpenLoop(phase, workloads.H.casesPerSecond.median, householdRunner);
    const starts = await startsThroughApiAndRaw(phase, runTag);
    const replay = await replayOfHouseholds(
      phase,
      runs.get('H')!.flatMap((run) => run.caseIds),
    );
    const memory = await measureParkedMemory(stack, `${runTag}M`, plan.parked);
    log(
      `  worker memory (${memory.endedFirst} running cases ended first): ${memory.points.map((p) => `${p.parked} parked ${p.rssMiB.toFixed(0)} MiB`).join(', ')}; ${memory.mibPerParkedCase.toFixed(3)} MiB per case`,
    );
    const campaignScale = await campaignsAtScale(phase, runTag, workloads.H.casesPerSecond.median);
    return {
      server: stack.server,
      shape,
      wrpShape,
      workloads,
      processes: figures,
      ratios: ratiosOf(workloads, starts, replay),
      replay,
      memory,
      openLoop,
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
