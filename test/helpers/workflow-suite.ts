/** A workflow suite on the time-skipping test server, with a worker on the PostgreSQL adapters of the test run. */
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

/** Registers the suite's before/after hooks; the returned object is filled in once `before` has run. */
export function useTimeSkippingSuite(
  label: string,
  wrap: (real: Adapters) => Adapters = (real) => real,
): WorkflowSuite {
  const suite = {} as WorkflowSuite;
  let worker: RunningTestWorker | undefined;
  before(async function () {
    suite.env = await startTimeSkippingServer();
    suite.db = openTestDb();
    suite.adapters = wrap(createPostgresAdapters(suite.db));
    suite.taskQueue = uniqueTaskQueue(label);
    worker = await runTestWorker(suite.env, suite.taskQueue, suite.adapters);
  });
  after(async function () {
    await worker?.stop();
    await suite.env?.teardown();
    await suite.db?.destroy();
  });
  return suite;
}
