/** Where payloads sit in a history, and which of them Temporal keeps readable by design. */
import type { Payload } from '@temporalio/common';
import type { FoundPayload } from '../../platform/codec/payloads-in';

export { payloadsIn, type FoundPayload } from '../../platform/codec/payloads-in';

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
