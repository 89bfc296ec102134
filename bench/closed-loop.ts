/**
 * A closed loop: a fixed number of cases in flight, a new one started as soon as one ends, until `total` have
 * ended. CPU is read from /proc around the whole run.
 */
import { cpuBetween, cpuSeconds, ownCpuSince, type ProcessSelector } from './proc-cpu';
import { percentile } from './stats';

export interface LoopRun {
  workload: string;
  cases: number;
  concurrency: number;
  wallSeconds: number;
  casesPerSecond: number;
  /** End-to-end latency of each case, from its start request to its observed end. */
  latencyMs: { p50: number; p99: number };
  /** CPU-seconds each process spent during the run. */
  cpuSeconds: Record<string, number>;
  /**
   * CPU-seconds of this process, the driver that stands in for the people (and, for the baselines, the client):
   * reported apart, never in the platform's totals, as it shares the machine's cores with everything measured.
   */
  driverCpuSeconds: number;
  caseIds: string[];
}

/** Runs one case to its end; resolves with its workflow ID. */
export type CaseRunner = (index: number) => Promise<string>;

export async function closedLoop(
  workload: string,
  options: { total: number; concurrency: number; processes: Record<string, ProcessSelector> },
  runCase: CaseRunner,
): Promise<LoopRun> {
  const caseIds: string[] = [];
  const latencies: number[] = [];
  let next = 0;
  const cpuBefore = cpuSeconds(options.processes);
  const driverCpu = ownCpuSince();
  const startedAt = performance.now();
  const lane = async () => {
    while (next < options.total) {
      const index = next++;
      const caseStarted = performance.now();
      caseIds.push(await runCase(index));
      latencies.push(performance.now() - caseStarted);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, lane));
  const wallSeconds = (performance.now() - startedAt) / 1000;
  const driverCpuSeconds = driverCpu();
  return {
    workload,
    cases: options.total,
    concurrency: options.concurrency,
    wallSeconds,
    casesPerSecond: options.total / wallSeconds,
    latencyMs: { p50: percentile(latencies, 50), p99: percentile(latencies, 99) },
    cpuSeconds: cpuBetween(cpuBefore, cpuSeconds(options.processes)),
    driverCpuSeconds,
    caseIds,
  };
}
