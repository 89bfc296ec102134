import { Client, Connection, defaultGrpcRetryOptions, makeGrpcRetryInterceptor } from '@temporalio/client';
import { OpenTelemetryWorkflowClientInterceptor } from '@temporalio/interceptors-opentelemetry';
import { currentTracing } from './tracing/tracing';
import { NativeConnection } from '@temporalio/worker';
import { createDataConverter } from './codec/data-converter';
import type { PlatformConfig } from './config';

/**
 * gRPC retries for request/response callers such as the API: a few quick attempts, so that an unreachable
 * Temporal becomes a 503 within seconds instead of holding the HTTP request for the SDK's default ~20 s.
 */
export const interactiveRetries = () => [
  makeGrpcRetryInterceptor(defaultGrpcRetryOptions({ maxAttempts: 4 })),
];

/**
 * A client for the API and CLIs: one connection per process, never per request; payloads encrypted. `raw` leaves
 * out the codec, for auditors who export histories exactly as Temporal holds them.
 */
export async function connectClient(
  config: Pick<PlatformConfig, 'temporal' | 'payloadKeys'>,
  options: { interactive?: boolean; raw?: boolean } = {},
): Promise<Client> {
  const { temporal } = config;
  const { address, tls, apiKey, metadata } = temporal.connection;
  const connection = await Connection.connect({
    address,
    tls,
    apiKey,
    metadata,
    ...(options.interactive ? { interceptors: interactiveRetries() } : {}),
  });
  return new Client({
    connection,
    namespace: temporal.namespace,
    ...(options.raw ? {} : { dataConverter: createDataConverter(config.payloadKeys) }),
    // With tracing on, a start or a decision carries the caller's trace into the workflow (a header, not a payload).
    ...(currentTracing()
      ? { interceptors: { workflow: [new OpenTelemetryWorkflowClientInterceptor()] } }
      : {}),
  });
}

export function connectWorker(temporal: PlatformConfig['temporal']): Promise<NativeConnection> {
  return NativeConnection.connect(temporal.connection);
}
