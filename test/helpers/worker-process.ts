/** The real worker (`npm run worker`) as a separate process, so tests can kill it the way production loses one. */
import path from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { PROJECT_ROOT } from '../../platform/config';
import { freePort, runProcess, type RunningProcess } from './processes';
import { TEST_PAYLOAD_KEYS_SPEC } from './temporal';

export interface WorkerProcessOptions {
  taskQueue: string;
  dataDir: string;
  fault?: string;
  /** Defaults to the test database. */
  databaseUrl?: string;
  /** WORKER_MAX_CACHED_WORKFLOWS; 0 for a worker about to be killed on the time-skipping server (see its use). */
  maxCachedWorkflows?: number;
  /** More variables for the worker (OTEL_* for a tracing test). */
  env?: NodeJS.ProcessEnv;
}

export async function startWorkerProcess(
  env: Pick<TestWorkflowEnvironment, 'address'>,
  options: WorkerProcessOptions,
): Promise<RunningProcess> {
  const worker = runProcess(
    process.execPath,
    ['--import', 'tsx', path.join(PROJECT_ROOT, 'workers', 'main.ts')],
    {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'test',
      TEMPORAL_CONFIG_FILE: path.join(options.dataDir, 'no-profile.toml'),
      TEMPORAL_ADDRESS: env.address,
      DATABASE_URL: options.databaseUrl ?? process.env.TEST_DATABASE_URL,
      ONETHING_TASK_QUEUE: options.taskQueue,
      ONETHING_PAYLOAD_KEYS: TEST_PAYLOAD_KEYS_SPEC,
      ONETHING_DATA_DIR: options.dataDir,
      WORKER_METRICS_PORT: String(await freePort()),
      LOG_LEVEL: 'info',
      ...(options.fault ? { ONETHING_FAULT: options.fault } : {}),
      ...(options.maxCachedWorkflows === undefined
        ? {}
        : { WORKER_MAX_CACHED_WORKFLOWS: String(options.maxCachedWorkflows) }),
      ...options.env,
    },
    PROJECT_ROOT,
  );
  await worker.waitForOutput(/worker running/, 90_000);
  return worker;
}

export async function stopWorkerProcess(worker: RunningProcess | undefined): Promise<void> {
  if (!worker || worker.child.exitCode !== null || worker.child.signalCode !== null) return;
  worker.child.kill('SIGINT');
  await worker.exited;
}
