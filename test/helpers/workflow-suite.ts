/**
 * A workflow suite on the time-skipping test server, with a worker on the PostgreSQL adapters of the test run.
 * Each test gets a server of its own: the test server can be left unable to skip time (decisions racing a run's
 * end, seen in CI), and a later test's sleep would then hang; a fresh server also keeps each test's clock its own.
 */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { createPostgresAdapters, type Adapters } from '../../activities/adapters';
import type { Db } from '../../activities/db/connection';
import { openTestDb } from './database';
import { runTestWorker, startTimeSkippingServer, uniqueTaskQueue, type RunningTestWorker } from './temporal';

export interface WorkflowSuite {
  env: TestWorkflowEnvironment;
  db: Db;
  /** The adapters the worker uses (wrapped, when the suite injects faults). */
  adapters: Adapters;
  taskQueue: string;
}

/**
 * Registers the suite's hooks; the returned object is filled in by them: the database and adapters once `before`
 * has run, the server, worker and task queue before each test.
 */
export function useTimeSkippingSuite(
  label: string,
  wrap: (real: Adapters) => Adapters = (real) => real,
): WorkflowSuite {
  const suite = {} as WorkflowSuite;
  let worker: RunningTestWorker | undefined;
  before(function () {
    suite.db = openTestDb();
    suite.adapters = wrap(createPostgresAdapters(suite.db));
  });
  beforeEach(async function () {
    suite.env = await startTimeSkippingServer();
    suite.taskQueue = uniqueTaskQueue(label);
    worker = await runTestWorker(suite.env, suite.taskQueue, suite.adapters);
  });
  afterEach(async function () {
    await worker?.stop();
    worker = undefined;
    await suite.env?.teardown();
  });
  after(async function () {
    await suite.db?.destroy();
  });
  return suite;
}
