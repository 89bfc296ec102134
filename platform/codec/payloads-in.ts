/** Finds every Payload message inside a decoded protobuf object (a history, a description), wherever it sits. */
import type { Payload } from '@temporalio/common';

export interface FoundPayload {
  /** Where it sits, e.g. `events.4.activityTaskScheduledEventAttributes.input.payloads.0`. */
  path: string;
  payload: Payload;
}

const isPayload = (value: object): value is Payload =>
  'data' in value && 'metadata' in value && (value.data === null || value.data instanceof Uint8Array);

export function payloadsIn(message: unknown, path = ''): FoundPayload[] {
  if (!message || typeof message !== 'object' || message instanceof Uint8Array) return [];
  if (isPayload(message)) return [{ path, payload: message }];
  return Object.entries(message).flatMap(([key, value]) => payloadsIn(value, path ? `${path}.${key}` : key));
}
