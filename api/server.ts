/** API entry point: `npm run api`. Listens, and closes cleanly on SIGINT/SIGTERM. */
import './tracing-first';
import { createPostgresAdapters } from '../activities/adapters';
import { createDb } from '../activities/db/connection';
import { provideDatabase } from '../activities/db/provide-database';
import { loadConfig } from '../platform/config';
import { workbenchSettings } from './workbench/workbench-settings';
import { createLogger } from '../platform/logging/logger';
import { connectClient } from '../platform/temporal';
import { createApp } from './app';
import { currentTracing } from '../platform/tracing/tracing';
import { apiMetricsRegistry } from './metrics/registry';
import { serveMetrics } from './metrics/metrics-server';
import { codecServerSettings } from './codec/codec-settings';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel, 'onething-api');
  const database = await provideDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    embeddedPort: config.embeddedPostgresPort,
    log: (message) => logger.info(message),
  });
  const db = createDb(database.url);
  const client = await connectClient(config, { interactive: true });
  const adapters = createPostgresAdapters(db);
  const metrics = apiMetricsRegistry(db);
  const metricsServer = await serveMetrics(metrics, config.apiMetrics.host, config.apiMetrics.port);
  const app = createApp({
    client,
    db,
    adapters,
    logger,
    jwt: config.jwt,
    taskQueue: config.taskQueue,
    bodyLimit: config.api.bodyLimit,
    codec: codecServerSettings(config),
    rateLimit: { limit: config.api.requestsPerMinutePerUser, windowMs: 60_000 },
    childcareResidents: config.childcareResidents,
    metrics,
    workbench: workbenchSettings(config),
  });
  const server = app.listen(config.api.port, config.api.host, () => {
    logger.info(
      {
        url: `http://${config.api.host}:${config.api.port}`,
        metrics: `http://${config.apiMetrics.host}:${config.apiMetrics.port}/metrics`,
      },
      'api listening',
    );
  });
  server.on('error', (error) => {
    logger.fatal({ err: error }, 'api could not listen');
    process.exit(1);
  });

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'api shutting down');
    metricsServer.close();
    server.close(() => {
      const flushed = currentTracing()?.shutdown();
      void Promise.allSettled([client.connection.close(), db.destroy(), database.stop(), flushed]).then(() =>
        process.exit(0),
      );
    });
    server.closeAllConnections();
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: Error) => {
  const known = error.name === 'ConfigError' || error.name === 'DatabaseUnavailableError';
  process.stderr.write(`api failed to start: ${known ? error.message : (error.stack ?? String(error))}\n`);
  process.exit(1);
});
