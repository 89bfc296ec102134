/**
 * Mocha global fixtures: one PostgreSQL database per test run, created and migrated before any suite and
 * dropped afterwards. Suites reach it through TEST_DATABASE_URL (see test/helpers/database.ts).
 */
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { createDb } from '../../activities/db/connection';
import { migrateToLatest } from '../../activities/db/migrate';
import { dropDatabase, provideDatabase, type ProvidedDatabase } from '../../activities/db/provide-database';

let provided: ProvidedDatabase | undefined;

export async function mochaGlobalSetup(): Promise<void> {
  // Tests assert on outcomes; SDK chatter below ERROR only buries the failures that matter.
  Runtime.install({
    logger: new DefaultLogger('ERROR'),
    telemetryOptions: { logging: { filter: { core: 'ERROR', other: 'ERROR' }, forward: {} } },
  });
  const databaseName = `onething_test_${randomBytes(4).toString('hex')}`;
  // ONETHING_TEST_DATABASE_SERVER may name another server (a URL whose database part is ignored).
  const server = process.env.ONETHING_TEST_DATABASE_SERVER;
  provided = await provideDatabase({
    databaseUrl: server
      ? Object.assign(new URL(server), { pathname: `/${databaseName}` }).toString()
      : undefined,
    dataDir: path.join(os.tmpdir(), 'onething-test-postgres'),
    embeddedPort: 54339,
    databaseName,
  });
  process.env.TEST_DATABASE_URL = provided.url;
  const db = createDb(provided.url, { poolMax: 1 });
  try {
    await migrateToLatest(db);
  } finally {
    await db.destroy();
  }
}

export async function mochaGlobalTeardown(): Promise<void> {
  const url = process.env.TEST_DATABASE_URL;
  if (url && process.env.ONETHING_KEEP_TEST_DATABASE !== '1') {
    await dropDatabase(url);
  }
  await provided?.stop();
}
