import { Worker, type NativeConnection } from '@temporalio/worker';
import { createActivities } from '../activities';
import type { Adapters } from '../activities/adapters';
import type { Client } from '@temporalio/client';
import type { DataConverter } from '@temporalio/common';

export interface ProcessWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  adapters: Adapters;
  /** Used by activities that start workflows (campaigns start household cases on this worker's queue). */
  client: Client;
  /** The payload codec and failure converter (see platform/codec). */
  dataConverter: DataConverter;
  /** A prebuilt bundle (production) or, when absent, workflows/ bundled at start (development). */
  workflowBundlePath?: string;
}

export const WORKFLOWS_PATH = require.resolve('../workflows');

/** The worker that runs every process workflow and its department activities. */
export function createProcessWorker(options: ProcessWorkerOptions): Promise<Worker> {
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    dataConverter: options.dataConverter,
    ...(options.workflowBundlePath
      ? { workflowBundle: { codePath: options.workflowBundlePath } }
      : { workflowsPath: WORKFLOWS_PATH }),
    activities: createActivities({
      adapters: options.adapters,
      temporal: { client: options.client, taskQueue: options.taskQueue },
    }),
  });
}
