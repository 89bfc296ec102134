/** Worker entry point: `npm run worker`. Stops gracefully on SIGINT/SIGTERM (in-flight activities finish). */
import './tracing-first';
import { Runtime } from '@temporalio/worker';
import { createPostgresAdapters } from '../activities/adapters';
import { createDb } from '../activities/db/connection';
import { injectFault } from '../activities/adapters/fault-injection';
import { pendingMigrations } from '../activities/db/migrate';
import { provideDatabase } from '../activities/db/provide-database';
import { loadConfig } from '../platform/config';
import { createLogger } from '../platform/logging/logger';
import { createProcessWorker } from './process-worker';
import { currentTracing } from '../platform/tracing/tracing';
import { connectClient, connectWorker } from '../platform/temporal';
import { temporalLoggerFor } from '../platform/logging/temporal-logger';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel, 'onething-worker');
  Runtime.install({
    logger: temporalLoggerFor(logger),
    telemetryOptions: {
      logging: { filter: { core: 'WARN', other: 'ERROR' }, forward: {} },
      metrics: { prometheus: { bindAddress: config.workerMetricsBindAddress } },
    },
    shutdownSignals: ['SIGINT', 'SIGTERM'],
  });

  const database = await provideDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    embeddedPort: config.embeddedPostgresPort,
    log: (message) => logger.info(message),
  });
  const db = createDb(database.url);
  const connection = await connectWorker(config.temporal);
  const client = await connectClient(config);
  try {
    const pending = await pendingMigrations(db);
    if (pending.length > 0) {
      throw new Error(
        `the database schema is behind (${pending.length} pending migrations): run npm run migrate`,
      );
    }
    const worker = await createProcessWorker({
      connection,
      namespace: config.temporal.namespace,
      taskQueue: config.taskQueue,
      adapters: config.fault
        ? injectFault(createPostgresAdapters(db), config.fault, config.dataDir)
        : createPostgresAdapters(db),
      client,
      payloadKeys: config.payloadKeys,
      workflowBundlePath: config.workflowBundlePath,
      maxCachedWorkflows: config.workerMaxCachedWorkflows,
      tracing: currentTracing(),
    });
    logger.info(
      {
        taskQueue: config.taskQueue,
        namespace: config.temporal.namespace,
        metrics: config.workerMetricsBindAddress,
      },
      'worker running',
    );
    await worker.run();
    logger.info('worker stopped');
  } finally {
    await currentTracing()?.shutdown();
    await connection.close();
    await client.connection.close();
    await db.destroy();
    await database.stop();
  }
}

main().catch((error: Error) => {
  const known = error.name === 'ConfigError' || error.name === 'DatabaseUnavailableError';
  process.stderr.write(`worker failed to start: ${known ? error.message : (error.stack ?? String(error))}\n`);
  process.exit(1);
});
