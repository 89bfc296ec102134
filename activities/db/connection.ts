import knex, { type Knex } from 'knex';

export type Db = Knex;

interface DbOptions {
  /** Largest number of pooled connections; activities and API requests share one pool per process. */
  poolMax?: number;
}

export function createDb(databaseUrl: string, options: DbOptions = {}): Db {
  return knex({
    client: 'pg',
    connection: { connectionString: databaseUrl, application_name: 'onething' },
    pool: { min: 0, max: options.poolMax ?? 10 },
    acquireConnectionTimeout: 10_000,
  });
}

/** The database name in a postgres:// URL. */
export function databaseNameOf(databaseUrl: string): string {
  const name = decodeURIComponent(new URL(databaseUrl).pathname.replace(/^\//, ''));
  if (!name) throw new Error('DATABASE_URL must name a database, e.g. postgres://user@host:5432/onething');
  return name;
}

/** The same server, but the maintenance database `postgres` (used to create the target database). */
export function maintenanceUrlOf(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  url.pathname = '/postgres';
  return url.toString();
}
