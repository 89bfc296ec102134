/**
 * An open loop: requests go out on a fixed schedule whatever happens to earlier ones, and each latency counts from
 * the request's scheduled time, so a slow system cannot hide its queueing by slowing the load down.
 */
import { percentile } from './stats';

export interface OpenLoopRun {
  label: string;
  ratePerSecond: number;
  requests: number;
  latencyMs: { p50: number; p99: number };
  /** Measured by the caller over the run (e.g. a process's CPU-seconds). */
  cpuSeconds?: Record<string, number>;
}

export async function openLoop(
  label: string,
  options: { ratePerSecond: number; requests: number },
  request: (index: number) => Promise<unknown>,
): Promise<OpenLoopRun> {
  const intervalMs = 1000 / options.ratePerSecond;
  const startedAt = performance.now();
  const latencies = await Promise.all(
    Array.from({ length: options.requests }, async (_, index) => {
      const scheduled = startedAt + index * intervalMs;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, scheduled - performance.now())));
      await request(index);
      return performance.now() - scheduled;
    }),
  );
  return {
    label,
    ratePerSecond: options.ratePerSecond,
    requests: options.requests,
    latencyMs: { p50: percentile(latencies, 50), p99: percentile(latencies, 99) },
  };
}
