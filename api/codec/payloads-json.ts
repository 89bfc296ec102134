/**
 * The codec-server wire format: Temporal `Payloads` as proto3 JSON, i.e. `{ payloads: [{ metadata: { k: b64 },
 * data: b64 }] }`. Parsed strictly so that a malformed body is a 400 naming the field, never a 500.
 */
import type { Payload } from '@temporalio/common';
import { z } from 'zod';

/** proto3 JSON accepts standard and URL-safe base64, padded or not. */
const base64 = z
  .string()
  .max(16 * 1024 * 1024)
  .regex(/^[A-Za-z0-9+/_-]*={0,2}$/, 'must be base64');

const MAX_PAYLOADS_PER_REQUEST = 2000;

export const payloadsJsonSchema = z
  .object({
    payloads: z
      .array(
        z
          .object({
            metadata: z.record(z.string().max(256), base64).optional(),
            data: base64.optional(),
            externalPayloads: z.array(z.unknown()).optional(),
          })
          .strict(),
      )
      .max(MAX_PAYLOADS_PER_REQUEST, `must hold at most ${MAX_PAYLOADS_PER_REQUEST} payloads`),
  })
  .strict();
type PayloadsJson = z.infer<typeof payloadsJsonSchema>;

const toBytes = (text: string) => new Uint8Array(Buffer.from(text, 'base64'));
const toBase64 = (bytes: Uint8Array | null | undefined) => Buffer.from(bytes ?? []).toString('base64');

export function fromPayloadsJson(body: PayloadsJson): Payload[] {
  return body.payloads.map((payload) => ({
    metadata: Object.fromEntries(
      Object.entries(payload.metadata ?? {}).map(([key, value]) => [key, toBytes(value)]),
    ),
    data: toBytes(payload.data ?? ''),
  }));
}

export function toPayloadsJson(payloads: Payload[]): PayloadsJson {
  return {
    payloads: payloads.map((payload) => ({
      metadata: Object.fromEntries(
        Object.entries(payload.metadata ?? {}).map(([key, value]) => [key, toBase64(value)]),
      ),
      data: toBase64(payload.data),
    })),
  };
}
