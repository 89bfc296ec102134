import { randomBytes } from 'node:crypto';
import type { DataConverter } from '@temporalio/common';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { createActivities } from '../../workers/activities';
import type { Adapters } from '../../activities/adapters';
import { ALL_SEARCH_ATTRIBUTES } from '../../workflows/definitions';
import { createDataConverter, FAILURE_CONVERTER_PATH } from '../../platform/codec/data-converter';
import type { CodecOptions } from '../../platform/codec/payload-codec';
import { parseKeyRing } from '../../platform/codec/payload-codec';
import { PLATFORM_BUNDLE_OPTIONS } from '../../workers/bundle-options';
import { indexedTypesOf } from '../../platform/search-attributes';
import { temporalCliPath, temporalTestServerPath } from '../../scripts/lib/temporal-binaries';

let bundle: Promise<WorkflowBundleWithSourceMap> | undefined;

/** Workflows are bundled once per test run, not per suite or per test (with the failure converter, as in production). */
export function workflowBundle(): Promise<WorkflowBundleWithSourceMap> {
  bundle ??= bundleWorkflowCode({ ...PLATFORM_BUNDLE_OPTIONS, logger: quietBundlerLogger });
  return bundle;
}

/** This run's payload key: tests encrypt exactly as production does, with a key that lives only in memory. */
export const TEST_PAYLOAD_KEYS_SPEC = `test-run:${randomBytes(32).toString('base64')}`;
export const TEST_PAYLOAD_KEYS = parseKeyRing(TEST_PAYLOAD_KEYS_SPEC);

/**
 * The data converter of test clients and workers. `plaintext` is only for recording the replay corpus, whose
 * synthetic histories are committed readable (the codec passes unencrypted payloads through on replay).
 */
export function testDataConverter(options: { plaintext?: boolean } & CodecOptions = {}): DataConverter {
  const { plaintext, ...codec } = options;
  return plaintext
    ? { failureConverterPath: FAILURE_CONVERTER_PATH }
    : createDataConverter(TEST_PAYLOAD_KEYS, codec);
}

/** The bundler's logger for tests: errors only. */
export const quietBundlerLogger = {
  log: () => undefined,
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: (message: string) => console.error(message),
};

/** The real Temporal CLI dev server (from the project venv), with the platform's search attributes. */
export function startDevServer(options: { plaintext?: boolean } = {}): Promise<TestWorkflowEnvironment> {
  return TestWorkflowEnvironment.createLocal({
    client: { dataConverter: testDataConverter(options) },
    server: {
      executable: { type: 'existing-path', path: temporalCliPath() },
      searchAttributes: ALL_SEARCH_ATTRIBUTES,
      extraArgs: ['--log-level', 'error'],
    },
  });
}

/**
 * The real time-skipping test server (from the project venv), for tests where timers matter. It cannot list
 * search attributes but accepts new ones, so the platform's are added outright.
 */
export async function startTimeSkippingServer(
  options: { plaintext?: boolean } = {},
): Promise<TestWorkflowEnvironment> {
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    client: { dataConverter: testDataConverter(options) },
    server: { executable: { type: 'existing-path', path: temporalTestServerPath() } },
  });
  await env.client.connection.operatorService.addSearchAttributes({
    namespace: env.namespace ?? 'default',
    searchAttributes: indexedTypesOf(ALL_SEARCH_ATTRIBUTES),
  });
  return env;
}

let taskQueueCounter = 0;
/** A task queue of its own for each test, so no test's workflows land on another test's worker. */
export function uniqueTaskQueue(label: string): string {
  taskQueueCounter += 1;
  return `test-${label}-${process.pid}-${taskQueueCounter}`;
}

export async function createTestWorker(
  env: TestWorkflowEnvironment,
  taskQueue: string,
  adapters: Adapters,
  options: { plaintext?: boolean } = {},
): Promise<Worker> {
  return Worker.create({
    // As in production, the worker hands workflows a marker for what it did not encrypt (never in the corpus).
    dataConverter: testDataConverter(options.plaintext ? options : { foreignPayloads: 'mark' }),
    connection: env.nativeConnection,
    namespace: env.namespace ?? 'default',
    taskQueue,
    workflowBundle: await workflowBundle(),
    activities: createActivities({ adapters, temporal: { client: env.client, taskQueue } }),
  });
}

export interface RunningTestWorker {
  /** Shuts the worker down and waits until it has stopped. */
  stop(): Promise<void>;
}

/** A test worker running in the background for a whole suite: `before` starts it, `after` stops it. */
export async function runTestWorker(
  env: TestWorkflowEnvironment,
  taskQueue: string,
  adapters: Adapters,
): Promise<RunningTestWorker> {
  const worker = await createTestWorker(env, taskQueue, adapters);
  const running = worker.run();
  return {
    async stop() {
      worker.shutdown();
      await running;
    },
  };
}
