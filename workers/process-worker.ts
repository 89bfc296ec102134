import { Worker, type NativeConnection } from '@temporalio/worker';
import type { Client } from '@temporalio/client';
import { createActivities } from './activities';
import type { Adapters } from '../activities/adapters';
import { createDataConverter } from '../platform/codec/data-converter';
import type { KeyRing } from '../platform/codec/payload-codec';
import { WORKFLOW_INTERCEPTOR_MODULES, WORKFLOWS_PATH } from './bundle-options';
import { OpenTelemetryPlugin } from '@temporalio/interceptors-opentelemetry';
import type { Tracing } from '../platform/tracing/tracing';

export interface ProcessWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  adapters: Adapters;
  /** Used by activities that start workflows (campaigns start household cases on this worker's queue). */
  client: Client;
  /** The payload keys (see platform/codec); what they did not encrypt never reaches a workflow. */
  payloadKeys: KeyRing;
  /** A prebuilt bundle (production) or, when absent, workflows/ bundled at start (development). */
  workflowBundlePath?: string;
  /** Runs kept in memory between tasks; undefined: the SDK's default (sized from the worker's memory). */
  maxCachedWorkflows?: number;
  /**
   * With tracing on, Temporal's OpenTelemetry plugin: the workflow's spans (through a sink, the sandbox exports
   * nothing itself) and each activity's, parented by the caller's trace. A prebuilt bundle has the workflow side only
   * if it was built with tracing on.
   */
  tracing?: Pick<Tracing, 'resource' | 'spanProcessor'>;
}

/** The worker that runs every process workflow and its department activities. */
export function createProcessWorker(options: ProcessWorkerOptions): Promise<Worker> {
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    ...(options.maxCachedWorkflows === undefined ? {} : { maxCachedWorkflows: options.maxCachedWorkflows }),
    dataConverter: createDataConverter(options.payloadKeys, { foreignPayloads: 'mark' }),
    ...(options.workflowBundlePath
      ? { workflowBundle: { codePath: options.workflowBundlePath } }
      : { workflowsPath: WORKFLOWS_PATH, interceptors: { workflowModules: WORKFLOW_INTERCEPTOR_MODULES } }),
    ...(options.tracing ? { plugins: [new OpenTelemetryPlugin(options.tracing)] } : {}),
    activities: createActivities({
      adapters: options.adapters,
      temporal: { client: options.client, taskQueue: options.taskQueue },
    }),
  });
}
