/**
 * Worker memory per cached case: households started and left parked at their installation visit (nobody acts on
 * them, so each stays in the worker's sticky cache), the worker's resident memory read from /proc at each count,
 * and the slope fitted by least squares. Whatever the run left running is ended first, so that the cache starts
 * empty and no parked case evicts another. Runs last: the parked cases stay.
 */
import { gasRetrofitHouseholdWorkflowId } from '../../processes/gas-retrofit/workflow/contract';
import { pidOf } from '../proc-cpu';
import { residentMiB } from '../proc-status';
import { leastSquaresSlope } from '../stats';
import type { BenchStack } from '../stack';
import { endRunningCases } from './end-running-cases';
import { HOUSEHOLD_DISTRICT, householdAccountRef, seedHouseholds, startHouseholdRaw } from './households';

export interface MemoryFigures {
  /** The run's earlier cases still running, ended first so that the worker's cache starts empty. */
  endedFirst: number;
  points: Array<{ parked: number; rssMiB: number }>;
  /** Least-squares slope of the worker's RSS against the number of parked cases. */
  mibPerParkedCase: number;
}

const SETTLE_MS = 3_000;

export async function measureParkedMemory(
  stack: BenchStack,
  runTag: string,
  counts: readonly number[],
): Promise<MemoryFigures> {
  const targets = [...counts].sort((a, b) => a - b);
  const endedFirst = await endRunningCases(stack);
  await seedHouseholds(stack, runTag, targets.at(-1)!);
  const workerPid = pidOf(stack.processes.worker);
  const caseIds = Array.from({ length: targets.at(-1)! }, (_, i) =>
    gasRetrofitHouseholdWorkflowId(HOUSEHOLD_DISTRICT, householdAccountRef(runTag, i)),
  );
  const points: MemoryFigures['points'] = [];
  let started = 0;
  for (const target of targets) {
    const batch = Array.from({ length: target - started }, (_, i) => started + i);
    for (let i = 0; i < batch.length; i += 16) {
      await Promise.all(
        batch.slice(i, i + 16).map((index) => startHouseholdRaw(stack, householdAccountRef(runTag, index))),
      );
    }
    started = target;
    const parked = caseIds.slice(0, target);
    const deadline = Date.now() + 10 * 60_000;
    for (;;) {
      const n = (
        await stack
          .db('onething.cases')
          .whereIn('case_id', parked)
          .andWhere({ stage: 'installation-scheduled' })
          .pluck<string[]>('case_id')
      ).length;
      if (n === target) break;
      if (Date.now() > deadline)
        throw new Error(`only ${n} of ${target} households parked within 10 minutes`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    points.push({ parked: target, rssMiB: residentMiB(workerPid) });
  }
  return {
    endedFirst,
    points,
    mibPerParkedCase: leastSquaresSlope(points.map((p) => ({ x: p.parked, y: p.rssMiB }))),
  };
}
