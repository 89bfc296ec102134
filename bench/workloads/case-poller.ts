/**
 * The loop behind a workload's automated people: one tick every POLL_MS reads every case in flight and takes the
 * steps that are due. A tick that fails stops the driver: every case in flight fails with the reason, and so does
 * every later start.
 */
import type { CaseRunner } from '../closed-loop';

const POLL_MS = 100;

/** A workload's automated people: `runner` runs one case to its end; `stop` ends their poller. */
export interface WorkloadDriver {
  runner: CaseRunner;
  stop(): Promise<void>;
}

interface AwaitedCase {
  fail: (error: Error) => void;
}

interface CasePoller {
  /** Throws the reason the driver stopped, if it has. */
  throwIfFailed: () => void;
  stop: () => Promise<void>;
}

export function startCasePoller(inFlight: Map<string, AwaitedCase>, tick: () => Promise<void>): CasePoller {
  let stopped = false;
  let failure: Error | undefined;
  const loop = (async () => {
    while (!stopped) {
      await tick().catch((error: unknown) => {
        failure = error instanceof Error ? error : new Error(String(error));
        for (const waiting of inFlight.values()) waiting.fail(failure);
        inFlight.clear();
      });
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  })();
  return {
    throwIfFailed: () => {
      if (failure) throw failure;
    },
    stop: async () => {
      stopped = true;
      await loop;
    },
  };
}
