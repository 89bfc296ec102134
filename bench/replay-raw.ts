/**
 * The raw replay baseline: `Worker.runReplayHistories` on history files with the platform's bundle and data
 * converter, nothing else (no progress bar, no evidence hashing, no report). Exits 1 on any failure.
 */
import { readFileSync } from 'node:fs';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { createDataConverter } from '../platform/codec/data-converter';
import { loadConfig } from '../platform/config';

async function main(files: string[]): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const config = loadConfig();
  const histories = files.map((file) => {
    const history = historyFromJSON(JSON.parse(readFileSync(file, 'utf8')));
    const workflowId = history.events?.[0]?.workflowExecutionStartedEventAttributes?.workflowId ?? file;
    return { workflowId, history };
  });
  let failed = 0;
  for await (const result of Worker.runReplayHistories(
    {
      workflowBundle: { codePath: config.workflowBundlePath! },
      dataConverter: createDataConverter(config.payloadKeys, { foreignPayloads: 'mark' }),
    },
    histories,
  )) {
    if (result.error) failed += 1;
  }
  if (failed > 0) throw new Error(`${failed} of ${files.length} histories failed to replay`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
