import type { Db } from './connection';
import { migrationSource } from './migrations';

const migrationConfig = { migrationSource, schemaName: 'public', tableName: 'knex_migrations' };

/** Applies every pending migration; returns the names applied. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const [, applied] = (await db.migrate.latest(migrationConfig)) as [number, string[]];
  return applied;
}

/** Reverts every applied migration, newest first; returns the names reverted. */
export async function rollbackAll(db: Db): Promise<string[]> {
  const [, reverted] = (await db.migrate.rollback(migrationConfig, true)) as [number, string[]];
  return reverted;
}

export async function pendingMigrations(db: Db): Promise<string[]> {
  const [, pending] = (await db.migrate.list(migrationConfig)) as [
    unknown[],
    Array<{ file: string } | string>,
  ];
  return pending.map((entry) => (typeof entry === 'string' ? entry : entry.file));
}
