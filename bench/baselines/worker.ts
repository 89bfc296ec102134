/**
 * The baselines' worker, a process of its own so that its CPU is read apart from the platform's worker. Same
 * settings as the platform's worker: SDK defaults, the platform's payload codec. SIGTERM stops it (the SDK's
 * runtime shuts workers down on it). WR's waits are told to the bench process on the port it gives.
 */
import { Worker } from '@temporalio/worker';
import { createDataConverter } from '../../platform/codec/data-converter';
import { loadConfig } from '../../platform/config';
import { connectWorker } from '../../platform/temporal';
import { createBaselineActivities } from './activities';
import { BASELINE_TASK_QUEUE } from './shape';
import { WAIT_NOTICE_PORT_ENV, waitNoticeSinks } from './wait-notices';

async function main(): Promise<void> {
  const config = loadConfig();
  const noticePort = Number(process.env[WAIT_NOTICE_PORT_ENV]);
  if (!Number.isInteger(noticePort) || noticePort <= 0)
    throw new Error(`${WAIT_NOTICE_PORT_ENV} must be the bench process's UDP port for wait notices`);
  const connection = await connectWorker(config.temporal);
  const worker = await Worker.create({
    connection,
    namespace: config.temporal.namespace,
    taskQueue: BASELINE_TASK_QUEUE,
    dataConverter: createDataConverter(config.payloadKeys, { foreignPayloads: 'mark' }),
    workflowsPath: require.resolve('./workflows'),
    activities: createBaselineActivities(),
    sinks: waitNoticeSinks(noticePort),
  });

  await worker.run();
  await connection.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`${String((error as Error).stack ?? error)}\n`);
  process.exit(1);
});
