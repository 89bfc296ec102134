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
import type { Db } from '../../activities/db/connection';
import { mochaGlobalSetup, mochaGlobalTeardown } from '../setup/global-fixtures';
import { withFailingDistrictFinance, type BookingFailures } from '../helpers/failing-district-finance';
import { createTestWorker, startDevServer, startTimeSkippingServer } from '../helpers/temporal';
import { SCENARIOS, type ReplayScenario } from './scenarios';
import { HISTORIES_DIR, SDK_VERSION } from './corpus';

const fileOf = (scenario: ReplayScenario) => path.join(HISTORIES_DIR, `${scenario.name}_${SDK_VERSION}.json`);

/** Records the scenarios on one server: the dev server, or the time-skipping one for long timers. */
async function record(scenarios: readonly ReplayScenario[], db: Db, timeSkipping: boolean): Promise<void> {
  if (scenarios.length === 0) return;
  const env = timeSkipping
    ? await startTimeSkippingServer({ plaintext: true })
    : await startDevServer({ plaintext: true });
  const districtFinanceFailures: BookingFailures = { left: 0 };
  const adapters = withFailingDistrictFinance(createPostgresAdapters(db), districtFinanceFailures);
  const taskQueue = 'record-histories';
  const worker = await createTestWorker(env, taskQueue, adapters, { plaintext: true });
  try {
    await worker.runUntil(async () => {
      for (const scenario of scenarios) {
        const kept = await scenario.run({ env, db, adapters, taskQueue, districtFinanceFailures });
        const { workflowId, runId } =
          typeof kept === 'string' ? { workflowId: kept, runId: undefined } : kept;
        const history = await env.client.workflow.getHandle(workflowId, runId).fetchHistory();
        writeFileSync(fileOf(scenario), historyToJSON(history));
        console.log(`recorded ${path.basename(fileOf(scenario))}`);
      }
    });
  } finally {
    await env.teardown();
  }
}

async function main(): Promise<void> {
  const filter = process.argv[2] ?? '';
  await mochaGlobalSetup();
  const db = createDb(process.env.TEST_DATABASE_URL!, { poolMax: 2 });
  try {
    const wanted = SCENARIOS.filter((s) => s.name.includes(filter));
    for (const scenario of wanted.filter((s) => existsSync(fileOf(s))))
      console.log(`kept     ${path.basename(fileOf(scenario))} (already recorded)`);
    const missing = wanted.filter((s) => !existsSync(fileOf(s)));
    await record(
      missing.filter((s) => !s.timeSkipping),
      db,
      false,
    );
    // One time-skipping server each: a scenario that skips a year would move the next one's clock with it (a 免申即享
    // round judging by workflow time then found nobody for the year the scenario named).
    for (const scenario of missing.filter((s) => s.timeSkipping)) await record([scenario], db, true);
  } finally {
    await db.destroy();
    await mochaGlobalTeardown();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
