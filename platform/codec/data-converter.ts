import type { DataConverter } from '@temporalio/common';
import { AesGcmPayloadCodec, type KeyRing } from './payload-codec';

export const FAILURE_CONVERTER_PATH = require.resolve('./failure-converter');

/** The one data converter of workers, clients, audit tools and tests: encrypt everything, failures included. */
export function createDataConverter(keys: KeyRing): DataConverter {
  return { payloadCodecs: [new AesGcmPayloadCodec(keys)], failureConverterPath: FAILURE_CONVERTER_PATH };
}
