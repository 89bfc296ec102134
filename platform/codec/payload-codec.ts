/**
 * AES-256-GCM payload codec: every payload Temporal stores (inputs, results, memos, failure details) is
 * encrypted. The key is derived from the key ring's active master key for the payload's scope (its process and
 * district, read from the owning workflow's ID); the master key's ID and the scope travel in the payload's
 * metadata, so a rotated-out master key still decrypts the histories written with it and a reader can be given
 * some scopes and not others. Payloads written before scopes existed carry no scope and decrypt with the master
 * key itself.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { Payload, PayloadCodec, SerializationContext } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { FOREIGN_PAYLOAD_FIELD } from '../../workflows/kit/foreign-payload-marker';
import { formatScope, parseScope, scopeOfWorkflowId, type PayloadScope } from './payload-scope';

export const ENCRYPTED_ENCODING = 'binary/encrypted';
const CIPHER = 'AES-256-GCM';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const SCOPE_KEY_SALT = 'onething-payload-scope-v1';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export interface KeyRing {
  /** The key that encrypts new payloads. */
  activeKeyId: string;
  /** Every key that may still decrypt: the active one and the retired ones. */
  keys: ReadonlyMap<string, Uint8Array>;
}

export interface CodecOptions {
  /**
   * What decoding does with a payload the platform did not encrypt (plaintext, an unknown key, failed
   * authentication, another scope than the workflow's): `fail` (clients, audit tools) throws, except that
   * plaintext passes through for the readable replay corpus; `mark` (the worker) hands the workflow a marker in
   * its place, which the workflow's interceptor refuses, so a forged start, Update or signal changes nothing and
   * wedges nothing.
   */
  foreignPayloads?: 'fail' | 'mark';
}

export class PayloadDecryptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PayloadDecryptionError';
  }
}

function validateKeyRing(ring: KeyRing): KeyRing {
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

const text = (bytes: Uint8Array | null | undefined): string | undefined =>
  bytes ? decoder.decode(bytes) : undefined;

/** The scope an encrypted payload names in its metadata; undefined for one written before scopes. */
function scopeOfPayload(payload: Payload): PayloadScope | undefined {
  const scope = text(payload.metadata?.['encryption-scope']);
  return scope === undefined ? undefined : parseScope(scope);
}

export const isEncrypted = (payload: Payload): boolean =>
  text(payload.metadata?.encoding) === ENCRYPTED_ENCODING;

function foreignPayloadMarker(reason: string): Payload {
  return {
    metadata: { encoding: encoder.encode('json/plain') },
    data: encoder.encode(JSON.stringify({ [FOREIGN_PAYLOAD_FIELD]: reason })),
  };
}

export class AesGcmPayloadCodec implements PayloadCodec {
  private readonly scopeKeys = new Map<string, Buffer>();
  private readonly foreignPayloads: 'fail' | 'mark';

  constructor(
    private readonly ring: KeyRing,
    options: CodecOptions = {},
  ) {
    validateKeyRing(ring);
    this.foreignPayloads = options.foreignPayloads ?? 'fail';
  }

  encode(payloads: Payload[], context?: SerializationContext): Promise<Payload[]> {
    const keyId = this.ring.activeKeyId;
    const scope = context?.workflowId ? formatScope(scopeOfWorkflowId(context.workflowId)) : undefined;
    const key = this.keyFor(keyId, scope)!;
    // The key ID and scope are authenticated too: a payload cannot be re-labelled unnoticed.
    const aad = additionalData(keyId, scope);
    return Promise.resolve(
      payloads.map((payload) => {
        const plaintext = temporal.api.common.v1.Payload.encode(payload).finish();
        const iv = randomBytes(IV_BYTES);
        const cipher = createCipheriv('aes-256-gcm', key, iv);
        cipher.setAAD(aad);
        const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
        return {
          metadata: {
            encoding: encoder.encode(ENCRYPTED_ENCODING),
            'encryption-cipher': encoder.encode(CIPHER),
            'encryption-key-id': encoder.encode(keyId),
            ...(scope ? { 'encryption-scope': encoder.encode(scope) } : {}),
          },
          data: Buffer.concat([iv, ciphertext, cipher.getAuthTag()]),
        };
      }),
    );
  }

  decode(payloads: Payload[], context?: SerializationContext): Promise<Payload[]> {
    const expectedScope = context?.workflowId ? scopeOfWorkflowId(context.workflowId) : undefined;
    try {
      return Promise.resolve(payloads.map((payload) => this.decodeOrMark(payload, expectedScope)));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new PayloadDecryptionError(String(error)));
    }
  }

  /**
   * Decodes the payloads whose scope the reader may see and returns the others as they are (ciphertext): the
   * codec server's answer to a supervisor or auditor. Unscoped (older) payloads count as the `platform/city` scope.
   */
  decodeReadable(
    payloads: Payload[],
    mayRead: (scope: PayloadScope) => boolean,
  ): { payloads: Payload[]; withheld: number } {
    let withheld = 0;
    const decoded = payloads.map((payload) => {
      if (!isEncrypted(payload)) return payload;
      if (!mayRead(scopeOfPayload(payload) ?? { process: 'platform', district: 'city' })) {
        withheld += 1;
        return payload;
      }
      return this.decodeOne(payload);
    });
    return { payloads: decoded, withheld };
  }

  private decodeOrMark(payload: Payload, expectedScope: PayloadScope | undefined): Payload {
    if (this.foreignPayloads === 'fail') return this.decodeOne(payload);
    if (!isEncrypted(payload))
      return foreignPayloadMarker('a payload was not encrypted with the platform’s keys');
    const scope = scopeOfPayload(payload);
    if (scope && expectedScope && formatScope(scope) !== formatScope(expectedScope)) {
      return foreignPayloadMarker('a payload was sealed for another process or district');
    }
    try {
      return this.decodeOne(payload);
    } catch (error) {
      if (error instanceof PayloadDecryptionError) {
        return foreignPayloadMarker(`a payload could not be decrypted: ${error.message}`);
      }
      throw error;
    }
  }

  private decodeOne(payload: Payload): Payload {
    if (!isEncrypted(payload)) return payload;
    const keyId = text(payload.metadata?.['encryption-key-id']) ?? '';
    const scope = text(payload.metadata?.['encryption-scope']);
    if (scope !== undefined && !parseScope(scope)) {
      throw new PayloadDecryptionError(`unknown payload scope ${JSON.stringify(scope)}`);
    }
    const key = this.keyFor(keyId, scope);
    if (!key) throw new PayloadDecryptionError(`no key with id ${JSON.stringify(keyId)} in the key ring`);
    const data = payload.data ?? new Uint8Array();
    if (data.length < IV_BYTES + TAG_BYTES)
      throw new PayloadDecryptionError('encrypted payload is truncated');
    const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, IV_BYTES));
    decipher.setAAD(additionalData(keyId, scope));
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

  /** The master key itself for unscoped payloads; HKDF of it with the scope as info for scoped ones. */
  private keyFor(keyId: string, scope: string | undefined): Uint8Array | undefined {
    const master = this.ring.keys.get(keyId);
    if (!master || scope === undefined) return master;
    const cacheKey = `${keyId}\n${scope}`;
    let key = this.scopeKeys.get(cacheKey);
    if (!key) {
      key = Buffer.from(hkdfSync('sha256', master, SCOPE_KEY_SALT, scope, 32));
      this.scopeKeys.set(cacheKey, key);
    }
    return key;
  }
}

const additionalData = (keyId: string, scope: string | undefined): Uint8Array =>
  encoder.encode(scope === undefined ? keyId : `${keyId}\n${scope}`);

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
