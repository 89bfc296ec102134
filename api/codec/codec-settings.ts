import type { PlatformConfig } from '../../platform/config';
import { AesGcmPayloadCodec } from '../../platform/codec/payload-codec';
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
    refusalLimit: config.codec.refusalLimit,
  };
}
