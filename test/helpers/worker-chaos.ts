/** Kills the worker process (SIGKILL) at a fixed interval and starts a fresh one each time, until stopped. */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { RunningProcess } from './processes';
import { startWorkerProcess, stopWorkerProcess } from './platform-processes';

export interface WorkerChaos {
  kills(): number;
  stop(): Promise<void>;
}

export async function startWorkerChaos(
  env: Pick<TestWorkflowEnvironment, 'address'>,
  options: { taskQueue: string; databaseUrl: string },
  killEveryMs: number,
): Promise<WorkerChaos> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'onething-chaos-'));
  const start = () => startWorkerProcess(env, { ...options, dataDir });
  let current: RunningProcess = await start();
  let kills = 0;
  let stopped = false;
  let failure: unknown;
  const loop = (async () => {
    while (!stopped) {
      await new Promise((resolve) => setTimeout(resolve, killEveryMs));
      if (stopped) break;
      current.child.kill('SIGKILL');
      await current.exited;
      kills += 1;
      current = await start();
    }
  })().catch((error: unknown) => {
    failure = error;
  });
  return {
    kills: () => kills,
    /** Stops the loop and the worker; a kill or restart that failed fails here, so chaos never ends unnoticed. */
    async stop() {
      stopped = true;
      await loop;
      await stopWorkerProcess(current);
      rmSync(dataDir, { recursive: true, force: true });
      if (failure !== undefined) throw new Error('the chaos loop failed', { cause: failure });
    },
  };
}
