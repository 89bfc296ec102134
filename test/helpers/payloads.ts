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

/**
 * Payloads that Temporal keeps readable by design: search attributes (the server indexes them) and the SDK's own
 * patch markers (the patch ID). Search attributes carry codes and references only (checked against closed
 * vocabularies elsewhere); patch markers are checked to hold a patch ID and nothing else. Everything else must be
 * encrypted.
 */
export const isSearchAttribute = (found: FoundPayload) =>
  /(^|\.)(searchAttributes|indexedFields)\./.test(found.path);
export const isPatchMarker = (found: FoundPayload) =>
  /markerRecordedEventAttributes\.details\.patch-data\./.test(found.path);
export const isReadableByDesign = (found: FoundPayload) => isSearchAttribute(found) || isPatchMarker(found);

export const encodingOf = (payload: Payload) =>
  Buffer.from(payload.metadata?.encoding ?? new Uint8Array()).toString('utf8');
