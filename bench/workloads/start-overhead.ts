/**
 * What the API adds to starting a case: the express endpoint (auth, validation, the contact written to the gas
 * company's table, then the start) against the same start made in-process with the raw client, at the same
 * fixed rate, in A-B-B-A order. The cases started park at their installation visit (nobody acts on them), so
 * this runs after the other workloads.
 */
import { openLoop, type OpenLoopRun } from '../open-loop';
import { cpuBetween, cpuSeconds, ownCpuSince } from '../proc-cpu';
import type { BenchStack } from '../stack';
import { householdAccountRef, householdStartBody, postAsClerk, startHouseholdRaw } from './households';

type Arm = 'api' | 'raw';

export interface StartArmRun extends OpenLoopRun {
  arm: Arm;
  /** CPU-seconds per start: the API process for `api`, this process (the in-process client) for `raw`. */
  cpuSecondsPerStart: number;
}

export async function measureStartOverhead(
  stack: BenchStack,
  runTag: string,
  options: { ratePerSecond: number; requests: number; blocks: number },
): Promise<StartArmRun[]> {
  let next = 0;
  const account = () => householdAccountRef(runTag, next++);
  const startThroughApi = () =>
    postAsClerk(stack, '/v1/gas-retrofit/households', householdStartBody(account()));
  const startRaw = () => startHouseholdRaw(stack, account());
  const runs: StartArmRun[] = [];
  const order: Arm[] = Array.from(
    { length: options.blocks },
    () => ['api', 'raw', 'raw', 'api'] as Arm[],
  ).flat();
  for (const arm of order) {
    const apiBefore = cpuSeconds({ api: stack.processes.api }).api!;
    const selfCpu = ownCpuSince();
    const run = await openLoop(`start via ${arm}`, options, arm === 'api' ? startThroughApi : startRaw);
    const selfSeconds = selfCpu();
    const apiSeconds = cpuBetween({ api: apiBefore }, cpuSeconds({ api: stack.processes.api })).api!;
    const cpu = arm === 'api' ? apiSeconds : selfSeconds;
    runs.push({ ...run, arm, cpuSecondsPerStart: cpu / options.requests });
  }
  return runs;
}
