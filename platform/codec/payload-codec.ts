/**
 * AES-256-GCM payload codec: every payload Temporal stores (inputs, results, memos, failure details) is
 * encrypted with the active key of a key ring; the key's ID travels in the payload's metadata, so a rotated-out
 * key still decrypts the histories written with it. Payloads that are not ours (not encrypted) pass through.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Payload, PayloadCodec } from '@temporalio/common';
import { temporal } from '@temporalio/proto';

export const ENCRYPTED_ENCODING = 'binary/encrypted';
export const CIPHER = 'AES-256-GCM';
const IV_BYTES = 12;
const TAG_BYTES = 16;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export interface KeyRing {
  /** The key that encrypts new payloads. */
  activeKeyId: string;
  /** Every key that may still decrypt: the active one and the retired ones. */
  keys: ReadonlyMap<string, Uint8Array>;
}

export class PayloadDecryptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PayloadDecryptionError';
  }
}

export function validateKeyRing(ring: KeyRing): KeyRing {
  if (!ring.keys.has(ring.activeKeyId))
    throw new Error(`the active key ${ring.activeKeyId} is not in the key ring`);
  for (const [id, key] of ring.keys) {
    if (!/^[A-Za-z0-9._-]{1,64}$/.test(id))
      throw new Error(
        `key id ${JSON.stringify(id)} must be 1-64 letters, digits, dots, dashes or underscores`,
      );
    if (key.length !== 32) throw new Error(`key ${id} must be 32 bytes (AES-256), got ${key.length}`);
  }
  return ring;
}

export class AesGcmPayloadCodec implements PayloadCodec {
  constructor(private readonly ring: KeyRing) {
    validateKeyRing(ring);
  }

  encode(payloads: Payload[]): Promise<Payload[]> {
    const keyId = this.ring.activeKeyId;
    const key = this.ring.keys.get(keyId)!;
    return Promise.resolve(
      payloads.map((payload) => {
        const plaintext = temporal.api.common.v1.Payload.encode(payload).finish();
        const iv = randomBytes(IV_BYTES);
        const cipher = createCipheriv('aes-256-gcm', key, iv);
        // The key ID is authenticated too: a payload cannot be re-labelled to another key unnoticed.
        cipher.setAAD(encoder.encode(keyId));
        const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
        return {
          metadata: {
            encoding: encoder.encode(ENCRYPTED_ENCODING),
            'encryption-cipher': encoder.encode(CIPHER),
            'encryption-key-id': encoder.encode(keyId),
          },
          data: Buffer.concat([iv, ciphertext, cipher.getAuthTag()]),
        };
      }),
    );
  }

  decode(payloads: Payload[]): Promise<Payload[]> {
    try {
      return Promise.resolve(payloads.map((payload) => this.decodeOne(payload)));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new PayloadDecryptionError(String(error)));
    }
  }

  private decodeOne(payload: Payload): Payload {
    const encoding = payload.metadata?.encoding;
    if (!encoding || decoder.decode(encoding) !== ENCRYPTED_ENCODING) return payload;
    const keyIdBytes = payload.metadata?.['encryption-key-id'];
    const keyId = keyIdBytes ? decoder.decode(keyIdBytes) : '';
    const key = this.ring.keys.get(keyId);
    if (!key) throw new PayloadDecryptionError(`no key with id ${JSON.stringify(keyId)} in the key ring`);
    const data = payload.data ?? new Uint8Array();
    if (data.length < IV_BYTES + TAG_BYTES)
      throw new PayloadDecryptionError('encrypted payload is truncated');
    const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, IV_BYTES));
    decipher.setAAD(encoder.encode(keyId));
    decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
    let plaintext: Buffer;
    try {
      plaintext = Buffer.concat([
        decipher.update(data.subarray(IV_BYTES, data.length - TAG_BYTES)),
        decipher.final(),
      ]);
    } catch {
      throw new PayloadDecryptionError(
        'encrypted payload failed authentication (tampered, or the wrong key)',
      );
    }
    return temporal.api.common.v1.Payload.decode(plaintext);
  }
}

/**
 * Parses `id:base64key,id:base64key` (the first is active unless `activeKeyId` names another). Keys come from
 * configuration (ONETHING_PAYLOAD_KEYS), never from the repository.
 */
export function parseKeyRing(spec: string, activeKeyId?: string): KeyRing {
  const keys = new Map<string, Uint8Array>();
  for (const entry of spec
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const separator = entry.indexOf(':');
    if (separator <= 0) throw new Error('each key must be written id:base64-key');
    const id = entry.slice(0, separator);
    if (keys.has(id)) throw new Error(`key id ${id} appears twice`);
    keys.set(id, new Uint8Array(Buffer.from(entry.slice(separator + 1), 'base64')));
  }
  const first = keys.keys().next().value;
  if (first === undefined) throw new Error('at least one key is required');
  return validateKeyRing({ activeKeyId: activeKeyId ?? first, keys });
}
