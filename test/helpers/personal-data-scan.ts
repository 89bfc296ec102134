/**
 * The scan behind every "no personal data in Temporal" claim: it reads what Temporal stores as a person with the
 * key would. The raw history bytes (IDs, failure messages, search attributes, anything not in a payload) and the
 * plaintext of every payload, decrypted with the platform's key where it is encrypted, are searched for each value.
 * A payload it cannot decrypt fails the scan rather than being skipped, so ciphertext never passes for clean.
 */
import assert from 'node:assert/strict';
import type { PayloadCodec } from '@temporalio/common';
import type { History } from '@temporalio/common/lib/proto-utils';
import { temporal } from '@temporalio/proto';
import { AesGcmPayloadCodec, ENCRYPTED_ENCODING } from '../../platform/codec/payload-codec';
import { encodingOf, payloadsIn } from './payloads';
import { TEST_PAYLOAD_KEYS } from './temporal';

export interface PersonalDataScan {
  /** The values found, in the order asked. */
  found: string[];
  /** Payloads read, and how many of them were decrypted first. */
  payloads: number;
  decrypted: number;
  /** The plaintext of the payloads that were encrypted: what only the key reveals. */
  decryptedText: string;
}

/** Something Temporal stores, as its bytes on the wire and as the decoded message whose payloads are read. */
export interface StoredRecord {
  bytes: Uint8Array;
  message: unknown;
}

const utf8 = (bytes: Uint8Array | null | undefined) =>
  Buffer.from(bytes ?? new Uint8Array()).toString('utf8');

const asRecord = (stored: History | StoredRecord): StoredRecord =>
  'bytes' in stored && 'message' in stored
    ? stored
    : { bytes: temporal.api.history.v1.History.encode(stored).finish(), message: stored };

/** Reads histories (or other stored records) as plaintext and reports which of `values` appear anywhere in them. */
export async function scanForPersonalData(
  stored: ReadonlyArray<History | StoredRecord>,
  values: readonly string[],
  codec: PayloadCodec = new AesGcmPayloadCodec(TEST_PAYLOAD_KEYS),
): Promise<PersonalDataScan> {
  const records = stored.map(asRecord);
  const raw = records.map((record) => utf8(record.bytes));
  const payloads = records.flatMap((record) => payloadsIn(record.message).map((found) => found.payload));
  const encrypted = payloads.filter((payload) => encodingOf(payload) === ENCRYPTED_ENCODING);
  const plain = payloads.filter((payload) => encodingOf(payload) !== ENCRYPTED_ENCODING);
  const decrypted = await codec.decode(encrypted);
  const decryptedText = decrypted.map((payload) => utf8(payload.data)).join('\n');
  const text = [...raw, ...plain.map((payload) => utf8(payload.data)), decryptedText].join('\n');
  return {
    found: values.filter((value) => text.includes(value)),
    payloads: payloads.length,
    decrypted: decrypted.length,
    decryptedText,
  };
}

/**
 * Asserts that none of `values` is stored in the histories. `sees` is a value the case did store inside an
 * encrypted payload (a reference, a code): finding it among the decrypted payloads shows the scan read plaintext.
 */
export async function assertNoPersonalData(
  stored: ReadonlyArray<History | StoredRecord>,
  values: readonly string[],
  options: { sees: string; codec?: PayloadCodec },
): Promise<void> {
  assert.ok(values.length > 0, 'a scan needs values to look for');
  const scan = await scanForPersonalData(stored, values, options.codec);
  assert.ok(scan.decrypted > 0, 'no encrypted payload was read');
  assert.ok(
    scan.decryptedText.includes(options.sees),
    `the scan does not see ${options.sees} in the decrypted payloads`,
  );
  // Positions only: the failure message of a leak must not spread the data further.
  assert.deepEqual(
    scan.found.map((value) => `values[${values.indexOf(value)}]`),
    [],
    'personal data stored in Temporal',
  );
}
