import type { DataConverter } from '@temporalio/common';
import { AesGcmPayloadCodec, type CodecOptions, type KeyRing } from './payload-codec';

export const FAILURE_CONVERTER_PATH = require.resolve('./failure-converter');

/**
 * The one data converter of workers, clients, audit tools and tests: encrypt everything, failures included. The
 * worker passes `foreignPayloads: 'mark'` so that what it did not encrypt never reaches a workflow as a decision.
 */
export function createDataConverter(keys: KeyRing, options: CodecOptions = {}): DataConverter {
  return {
    payloadCodecs: [new AesGcmPayloadCodec(keys, options)],
    failureConverterPath: FAILURE_CONVERTER_PATH,
  };
}
