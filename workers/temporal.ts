import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import type { PlatformConfig } from './config';

/** A client for the API and CLIs: one connection per process, never per request. */
export async function connectClient(temporal: PlatformConfig['temporal']): Promise<Client> {
  const { address, tls, apiKey, metadata } = temporal.connection;
  const connection = await Connection.connect({ address, tls, apiKey, metadata });
  return new Client({ connection, namespace: temporal.namespace });
}

export function connectWorker(temporal: PlatformConfig['temporal']): Promise<NativeConnection> {
  return NativeConnection.connect(temporal.connection);
}
