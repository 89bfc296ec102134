/**
 * What the worker's codec hands the workflow in place of a payload it did not encrypt itself (plaintext sent
 * straight to Temporal, another key, another process's or district's scope): an object with this one field, naming
 * why. The workflow's interceptor refuses any start, Update, signal or query that carries one.
 */
export const FOREIGN_PAYLOAD_FIELD = 'onethingForeignPayload';

interface ForeignPayloadMarker {
  [FOREIGN_PAYLOAD_FIELD]: string;
}

export function isForeignPayloadMarker(value: unknown): value is ForeignPayloadMarker {
  return typeof value === 'object' && value !== null && FOREIGN_PAYLOAD_FIELD in value;
}
