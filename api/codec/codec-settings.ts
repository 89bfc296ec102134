import type { PlatformConfig } from '../../workers/config';
import { AesGcmPayloadCodec } from '../../workers/codec/payload-codec';
import type { CodecServerSettings } from './codec-router';

export function codecServerSettings(
  config: Pick<PlatformConfig, 'codec' | 'payloadKeys' | 'temporal' | 'production'>,
): CodecServerSettings {
  return {
    payloadCodec: new AesGcmPayloadCodec(config.payloadKeys),
    namespace: config.temporal.namespace,
    allowedOrigins: config.codec.allowedOrigins,
    publicEndpoint: config.codec.publicEndpoint,
    cookie: { crossSite: config.production },
    bodyLimit: config.codec.bodyLimit,
  };
}
