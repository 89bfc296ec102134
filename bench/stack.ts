/**
 * Everything one benchmark run measures, each in a process of its own so that /proc can tell their CPU apart:
 * the Temporal dev server (in memory, or on a SQLite file in WAL mode), a scratch PostgreSQL database, the
 * platform's worker and API exactly as `npm start` runs them, and the baselines' worker.
 */
import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Client } from '@temporalio/client';
import { temporal as proto } from '@temporalio/proto';
import { createPostgresAdapters, type Adapters } from '../activities/adapters';
import { createDb, type Db } from '../activities/db/connection';
import { migrateToLatest } from '../activities/db/migrate';
import { dropDatabase, portAnswers, provideDatabase } from '../activities/db/provide-database';
import { signToken, type Claims } from '../api/auth';
import { loadConfig, PROJECT_ROOT, type PlatformConfig } from '../platform/config';
import { ensureSearchAttributes } from '../platform/search-attributes';
import { connectClient } from '../platform/temporal';
import { freePort } from '../scripts/lib/free-port';
import {
  startChild,
  stopChild,
  tsEntry,
  waitUntilReady,
  type ManagedChild,
} from '../scripts/lib/child-processes';
import { temporalCliPath } from '../scripts/lib/temporal-binaries';
import { BASELINE_TASK_QUEUE } from './baselines/shape';
import { openWaitNotices, WAIT_NOTICE_PORT_ENV, type WaitNotices } from './baselines/wait-notices';
import { checkPinned, onCpus, pinThisProcess, type CpuSplit } from './cpu-pinning';
import type { ProcessSelector } from './proc-cpu';

export type Persistence = 'memory' | 'file-wal';

export interface ServerFacts {
  version: string;
  persistence: Persistence;
  flags: string[];
  /** When the dev server ran on CPUs of its own, those and the ones everything else shared. */
  cpus?: CpuSplit;
}

export interface BenchStack {
  client: Client;
  db: Db;
  adapters: Adapters;
  apiUrl: string;
  /** The platform worker's task queue. */
  taskQueue: string;
  /** The environment the platform's processes run with (its address, database and payload key). */
  env: NodeJS.ProcessEnv;
  server: ServerFacts;
  /** WR cases' notices that they wait for a decision (see `baselines/wait-notices`). */
  waitNotices: WaitNotices;
  /** The processes whose CPU is read, by role. */
  processes: Record<'temporal' | 'worker' | 'api' | 'baselineWorker' | 'postgres', ProcessSelector>;
  token(claims: Claims): Promise<string>;
  stop(): Promise<void>;
}

const JWT = { issuer: 'onething', audience: 'onething-api', tokenTtl: '2h' } as const;
const READY_WITHIN_MS = 120_000;

function serverFlags(persistence: Persistence, dataDir: string, port: number): string[] {
  const flags = ['--ip', '127.0.0.1', '--port', String(port), '--headless', '--log-level', 'error'];
  if (persistence === 'file-wal') {
    flags.push(
      '--db-filename',
      path.join(dataDir, 'temporal.sqlite'),
      '--sqlite-pragma',
      'journal_mode=wal',
      '--sqlite-pragma',
      'synchronous=normal',
    );
  }
  return flags;
}

export interface StackOptions {
  /** Node's flags for the worker, API and baselines' worker (`bench profile`: a CPU profiler, a statement counter). */
  childNodeArgs?: readonly string[];
  /** The dev server alone on some CPUs, the bench and the platform's processes on the rest (`--server-cpus`). */
  cpus?: CpuSplit;
  /** More variables for the worker and API (`bench tracing`: the OTEL_* that turn tracing on). */
  childEnv?: NodeJS.ProcessEnv;
}

/** The dev server for this run (in memory or on a SQLite file), alone on its CPUs when asked; ready to dial. */
async function startServer(
  persistence: Persistence,
  dataDir: string,
  logDir: string,
  cpus: CpuSplit | undefined,
) {
  const temporalPort = await freePort();
  const flags = serverFlags(persistence, dataDir, temporalPort);
  const cli = temporalCliPath();
  const serverCommand = cpus
    ? onCpus(cpus.server, cli, ['server', 'start-dev', ...flags])
    : { command: cli, args: ['server', 'start-dev', ...flags] };
  const temporal = startChild('temporal', serverCommand.command, serverCommand.args, {
    env: process.env,
    logDir,
    cwd: PROJECT_ROOT,
  });
  await waitUntilReady('the Temporal dev server', () => portAnswers('127.0.0.1', temporalPort), {
    timeoutMs: READY_WITHIN_MS,
    child: temporal,
  });
  return { temporal, temporalPort, flags, cli };
}

/** The worker's and API's environment, as npm start would give them, with keys of this run's own. */
function platformEnv(at: {
  temporalPort: number;
  databaseUrl: string;
  dataDir: string;
  apiPort: number;
  metricsPort: number;
  apiMetricsPort: number;
}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'development',
    TEMPORAL_CONFIG_FILE: path.join(at.dataDir, 'no-temporal-profile.toml'),
    TEMPORAL_ADDRESS: `127.0.0.1:${at.temporalPort}`,
    DATABASE_URL: at.databaseUrl,
    ONETHING_DATA_DIR: at.dataDir,
    ONETHING_PAYLOAD_KEYS: `bench:${randomBytes(32).toString('base64')}`,
    JWT_SECRET: randomBytes(32).toString('hex'),
    JWT_ISSUER: JWT.issuer,
    JWT_AUDIENCE: JWT.audience,
    JWT_TOKEN_TTL: JWT.tokenTtl,
    API_PORT: String(at.apiPort),
    API_RATE_LIMIT: '100000000',
    WORKER_METRICS_PORT: String(at.metricsPort),
    API_METRICS_PORT: String(at.apiMetricsPort),
    LOG_LEVEL: 'warn',
  };
}

async function hasPollers(client: Client, namespace: string, taskQueue: string): Promise<boolean> {
  const { pollers } = await client.workflowService.describeTaskQueue({
    namespace,
    taskQueue: { name: taskQueue },
    taskQueueType: proto.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW,
  });
  return (pollers ?? []).length > 0;
}

/** A scratch database on the server DATABASE_URL names, else on 127.0.0.1:5432, else an embedded one. */
async function scratchDatabase(dataDir: string) {
  const databaseName = `onething_bench_${randomBytes(4).toString('hex')}`;
  const configured = process.env.DATABASE_URL ? new URL(process.env.DATABASE_URL) : undefined;
  if (configured) configured.pathname = `/${databaseName}`;
  return provideDatabase({
    databaseUrl: configured?.toString(),
    dataDir,
    embeddedPort: await freePort(),
    databaseName,
  });
}

/** A client once the frontend answers, with the platform's search attributes registered. */
async function connectWhenReady(config: PlatformConfig, temporal: ManagedChild): Promise<Client> {
  const connected = await connectClient(config);
  await waitUntilReady(
    'the Temporal frontend',
    async () => {
      await connected.workflowService.getSystemInfo({});
      return true;
    },
    { timeoutMs: READY_WITHIN_MS, child: temporal },
  );
  await ensureSearchAttributes(connected, config.temporal.namespace);
  return connected;
}

type Spawn = (name: string, entry: string, ownEnv?: NodeJS.ProcessEnv) => ManagedChild;

/**
 * The worker, the baselines' worker and the API, one at a time: each worker bundles the workflow code at start-up,
 * which takes both cores of a small machine for a while, and an API starting alongside could miss its connection
 * deadline.
 */
async function startProcesses(
  spawn: Spawn,
  polled: (taskQueue: string) => () => Promise<boolean>,
  at: { apiUrl: string; taskQueue: string; opened: (notices: WaitNotices) => void },
) {
  const worker = spawn('worker', 'workers/main.ts');
  await waitUntilReady('the worker', polled(at.taskQueue), { timeoutMs: READY_WITHIN_MS, child: worker });
  const waitNotices = await openWaitNotices();
  at.opened(waitNotices);
  const baselineWorker = spawn('baseline-worker', 'bench/baselines/worker.ts', {
    [WAIT_NOTICE_PORT_ENV]: String(waitNotices.port),
  });
  await waitUntilReady('the baseline worker', polled(BASELINE_TASK_QUEUE), {
    timeoutMs: READY_WITHIN_MS,
    child: baselineWorker,
  });
  const api = spawn('api', 'api/server.ts');
  await waitUntilReady('the API', async () => (await fetch(`${at.apiUrl}/readyz`)).ok, {
    timeoutMs: READY_WITHIN_MS,
    child: api,
  });
  return { worker, baselineWorker, api, waitNotices };
}

/** What a stack has started so far, for stopping it whether it started whole or not. */
interface Running {
  children: ManagedChild[];
  client?: Client;
  waitNotices?: WaitNotices;
}

async function stopRunning({ client, children, waitNotices }: Running): Promise<void> {
  await client?.connection.close();
  for (const child of [...children].reverse()) await stopChild(child, 15_000);
  await waitNotices?.close();
}

const pidsOf = <Name extends string>(children: Record<Name, ManagedChild>) =>
  Object.fromEntries(
    Object.entries<ManagedChild>(children).map(([name, child]) => [name, { pid: child.process.pid! }]),
  ) as Record<Name, { pid: number }>;

/** Starts one of the platform's TypeScript entries as npm start would, under the stack's Node flags. */
function spawner(
  env: NodeJS.ProcessEnv,
  logDir: string,
  nodeArgs: readonly string[] | undefined,
  children: ManagedChild[],
): Spawn {
  return (name, entry, ownEnv = {}) => {
    const { command, args } = tsEntry(path.join(PROJECT_ROOT, entry), nodeArgs);
    const child = startChild(name, command, args, { env: { ...env, ...ownEnv }, logDir, cwd: PROJECT_ROOT });
    children.push(child);
    return child;
  };
}

/** Fails the run when the dev server or any other process is not on the CPUs it was given. */
function checkSplit(cpus: CpuSplit, server: ManagedChild, rest: readonly ManagedChild[]): void {
  checkPinned('the dev server', server.process.pid!, cpus.server);
  for (const child of rest) checkPinned(child.name, child.process.pid!, cpus.rest);
}

export async function startBenchStack(
  persistence: Persistence,
  options: StackOptions = {},
): Promise<BenchStack> {
  // Before any child starts, so that each (an embedded PostgreSQL too) inherits the CPUs left to the platform.
  if (options.cpus) pinThisProcess(options.cpus.rest);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'onething-bench-'));
  const logDir = path.join(dataDir, 'logs');
  const database = await scratchDatabase(dataDir);
  const db = createDb(database.url, { poolMax: 4 });
  const running: Running = { children: [] };
  const { children } = running;
  // Also run when starting fails half-way: nothing is left running and the scratch database goes.
  const teardown = async () => {
    await stopRunning(running);
    await db.destroy();
    await dropDatabase(database.url);
    await database.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await migrateToLatest(db);

    const { temporal, temporalPort, flags, cli } = await startServer(
      persistence,
      dataDir,
      logDir,
      options.cpus,
    );
    children.push(temporal);
    const apiPort = await freePort();
    const env = platformEnv({
      temporalPort,
      databaseUrl: database.url,
      dataDir,
      apiPort,
      metricsPort: await freePort(),
      apiMetricsPort: await freePort(),
    });
    const config = loadConfig(env);
    const connected = (running.client = await connectWhenReady(config, temporal));

    const spawn = spawner({ ...env, ...options.childEnv }, logDir, options.childNodeArgs, children);
    const polled = (taskQueue: string) => () => hasPollers(connected, config.temporal.namespace, taskQueue);
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    const { worker, baselineWorker, api, waitNotices } = await startProcesses(spawn, polled, {
      apiUrl,
      taskQueue: config.taskQueue,
      opened: (notices) => (running.waitNotices = notices),
    });
    if (options.cpus) checkSplit(options.cpus, temporal, [worker, baselineWorker, api]);

    return {
      client: connected,
      db,
      adapters: createPostgresAdapters(db),
      apiUrl,
      waitNotices,
      taskQueue: config.taskQueue,
      env,
      server: {
        version: execFileSync(cli, ['--version']).toString().trim(),
        persistence,
        flags: ['server', 'start-dev', ...flags.map((flag) => flag.replace(dataDir, '<data-dir>'))],
        ...(options.cpus && { cpus: options.cpus }),
      },
      processes: { ...pidsOf({ temporal, worker, api, baselineWorker }), postgres: { comm: 'postgres' } },
      token: (claims) => signToken(claims, { ...JWT, secret: new TextEncoder().encode(env.JWT_SECRET) }),
      stop: teardown,
    };
  } catch (error) {
    await teardown();
    throw error;
  }
}
