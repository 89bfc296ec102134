/**
 * `npm run histories:record [-- <name-substring>]`: runs the replay scenarios on a fresh dev server with a
 * fresh test database and writes their histories to test/histories/<name>_<sdk version>.json.
 * Record once per workflow change that must stay replayable; never overwrite a file already committed
 * (old histories are the evidence that old runs still replay).
 */
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { createPostgresAdapters } from '../../activities/adapters';
import { createDb } from '../../activities/db/connection';
import { mochaGlobalSetup, mochaGlobalTeardown } from '../setup/global-fixtures';
import { createTestWorker, startDevServer } from '../helpers/temporal';
import { SCENARIOS } from './scenarios';
import { HISTORIES_DIR, SDK_VERSION } from './corpus';

async function main(): Promise<void> {
  const filter = process.argv[2] ?? '';
  await mochaGlobalSetup();
  const env = await startDevServer({ plaintext: true });
  const db = createDb(process.env.TEST_DATABASE_URL!, { poolMax: 2 });
  const adapters = createPostgresAdapters(db);
  const taskQueue = 'record-histories';
  const worker = await createTestWorker(env, taskQueue, adapters, { plaintext: true });
  try {
    await worker.runUntil(async () => {
      for (const scenario of SCENARIOS.filter((s) => s.name.includes(filter))) {
        const file = path.join(HISTORIES_DIR, `${scenario.name}_${SDK_VERSION}.json`);
        if (existsSync(file)) {
          console.log(`kept     ${path.basename(file)} (already recorded)`);
          continue;
        }
        const workflowId = await scenario.run({ env, db, adapters, taskQueue });
        const history = await env.client.workflow.getHandle(workflowId).fetchHistory();
        writeFileSync(file, historyToJSON(history));
        console.log(`recorded ${path.basename(file)}`);
      }
    });
  } finally {
    await db.destroy();
    await env.teardown();
    await mochaGlobalTeardown();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
