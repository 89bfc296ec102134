/**
 * The real worker (`npm run worker`) and API (`npm run api`) as separate processes: so tests can kill a worker the
 * way production loses one, and see what each process sends out (traces) as deployed.
 */
import path from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { PROJECT_ROOT } from '../../platform/config';
import { freePort, runProcess, type RunningProcess } from './processes';
import { TEST_JWT } from './api';
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

type PlatformProcessOptions = Pick<WorkerProcessOptions, 'taskQueue' | 'dataDir' | 'databaseUrl'>;

/** What every platform process is started with in a test: the dev server, the database, the queue, the keys. */
function platformEnv(
  env: Pick<TestWorkflowEnvironment, 'address'>,
  options: PlatformProcessOptions,
): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'test',
    TEMPORAL_CONFIG_FILE: path.join(options.dataDir, 'no-profile.toml'),
    TEMPORAL_ADDRESS: env.address,
    DATABASE_URL: options.databaseUrl ?? process.env.TEST_DATABASE_URL,
    ONETHING_TASK_QUEUE: options.taskQueue,
    ONETHING_PAYLOAD_KEYS: TEST_PAYLOAD_KEYS_SPEC,
    ONETHING_DATA_DIR: options.dataDir,
  };
}

export async function startWorkerProcess(
  env: Pick<TestWorkflowEnvironment, 'address'>,
  options: WorkerProcessOptions,
): Promise<RunningProcess> {
  const worker = runProcess(
    process.execPath,
    ['--import', 'tsx', path.join(PROJECT_ROOT, 'workers', 'main.ts')],
    {
      ...platformEnv(env, options),
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

/** The API process, signing and checking tokens as the tests' own (TEST_JWT), on a free port. */
export async function startApiProcess(
  env: Pick<TestWorkflowEnvironment, 'address'>,
  options: PlatformProcessOptions & { env?: NodeJS.ProcessEnv },
): Promise<{ api: RunningProcess; url: string }> {
  const port = await freePort();
  const api = runProcess(
    process.execPath,
    ['--import', 'tsx', path.join(PROJECT_ROOT, 'api', 'server.ts')],
    {
      ...platformEnv(env, options),
      API_PORT: String(port),
      API_METRICS_PORT: String(await freePort()),
      JWT_SECRET: new TextDecoder().decode(TEST_JWT.secret),
      JWT_ISSUER: TEST_JWT.issuer,
      JWT_AUDIENCE: TEST_JWT.audience,
      ...options.env,
    },
    PROJECT_ROOT,
  );
  await api.waitForOutput(/api listening/, 90_000);
  return { api, url: `http://127.0.0.1:${port}` };
}

export async function stopApiProcess(api: RunningProcess | undefined): Promise<void> {
  if (!api || api.child.exitCode !== null || api.child.signalCode !== null) return;
  api.child.kill('SIGINT');
  await api.exited;
}
