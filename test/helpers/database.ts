import { randomBytes } from 'node:crypto';
import { createDb, type Db } from '../../activities/db/connection';
import { dropDatabase, ensureDatabaseExists } from '../../activities/db/provide-database';

/** The run's migrated test database (created by test/setup/global-fixtures.ts). */
export function testDatabaseUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set: run the tests through mocha (npm test)');
  return url;
}

export function openTestDb(): Db {
  return createDb(testDatabaseUrl(), { poolMax: 5 });
}

/** A fresh, empty database on the test server; `drop` removes it. */
export async function createScratchDatabase(
  label: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const url = new URL(testDatabaseUrl());
  url.pathname = `/onething_${label}_${randomBytes(4).toString('hex')}`;
  await ensureDatabaseExists(url.toString());
  return {
    url: url.toString(),
    drop: () => dropDatabase(url.toString()),
  };
}

/** A fresh, empty database for the callback, for tests that migrate from nothing. */
export async function withScratchDatabase(run: (url: string) => Promise<void>): Promise<void> {
  const scratch = await createScratchDatabase('scratch');
  try {
    await run(scratch.url);
  } finally {
    await scratch.drop();
  }
}

/** A business key unique to this test, so tests never share workflow IDs or rows. */
export function uniqueAccountRef(prefix = 'T'): string {
  return `${prefix}-${randomBytes(5).toString('hex').toUpperCase()}`;
}

/** Removes a district's installer teams with their days and bookings, for tests that need an empty district. */
/** A district as before its first tender: no tender price for any item. */
export async function clearTenderPrices(db: Db, district: string): Promise<void> {
  await db('district_finance.tender_prices').where({ district }).delete();
}

export async function clearInstallerTeams(db: Db, district: string): Promise<void> {
  const teams = db('installer.teams').select('team_id').where({ district });
  await db('installer.completion_reports')
    .whereIn('booking_id', db('installer.bookings').select('booking_id').whereIn('team_id', teams))
    .delete();
  await db('installer.bookings').whereIn('team_id', teams).delete();
  await db('installer.team_days').whereIn('team_id', teams).delete();
  await db('installer.teams').where({ district }).delete();
}
