/** Turns payloads in a raw history into values, with the auditor's keys (plaintext payloads pass through). */
import { defaultPayloadConverter, type Payload, type PayloadCodec } from '@temporalio/common';

export type Decoder = (payloads: readonly Payload[] | null | undefined) => Promise<unknown[]>;

export function decoderFor(codec: PayloadCodec | undefined): Decoder {
  return async (payloads) => {
    if (!payloads?.length) return [];
    const decoded = codec ? await codec.decode([...payloads]) : [...payloads];
    return decoded.map((payload) => defaultPayloadConverter.fromPayload(payload));
  };
}
