/** `npm run migrate [-- --down]`: brings the configured database to the latest schema (or reverts it). */
import { Command } from 'commander';
import { loadConfig, refuseInProduction } from '../../platform/config';
import { createDb } from './connection';
import { migrateToLatest, rollbackAll } from './migrate';
import { provideDatabase } from './provide-database';

async function main(): Promise<void> {
  const options = new Command('migrate')
    .description('Apply (or with --down revert) every OneThing database migration')
    .option('--down', 'revert every applied migration')
    .parse()
    .opts<{ down?: boolean }>();
  const config = loadConfig();
  // Reverting drops the audit log, which the law and the auditors need kept.
  if (options.down) refuseInProduction(config, 'npm run migrate -- --down');
  const database = await provideDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    embeddedPort: config.embeddedPostgresPort,
    log: (message) => console.error(message),
  });
  const db = createDb(database.url, { poolMax: 1 });
  try {
    const names = options.down ? await rollbackAll(db) : await migrateToLatest(db);
    const verb = options.down ? 'reverted' : 'applied';
    console.log(
      names.length ? `${verb}: ${names.join(', ')}` : `nothing to do (${database.source} database)`,
    );
  } finally {
    await db.destroy();
    await database.stop();
  }
}

main().catch((error: Error) => {
  console.error(
    error.name === 'ConfigError' || error.name === 'DatabaseUnavailableError' ? error.message : error,
  );
  process.exit(1);
});
