import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import { AesGcmPayloadCodec, parseKeyRing, PayloadDecryptionError } from '../../platform/codec/payload-codec';

const key = () => randomBytes(32).toString('base64');
const value = { caseId: 'gas-retrofit:jinshui:JS-000001', contact: { name: '王小明', phone: '13812345678' } };
const payload = (v: unknown = value): Payload => defaultPayloadConverter.toPayload(v);
const text = (p: Payload) => Buffer.from(p.data ?? []).toString('latin1') + JSON.stringify(p.metadata);

describe('AES-256-GCM payload codec', function () {
  const k1 = key();
  const codec = new AesGcmPayloadCodec(parseKeyRing(`k1:${k1}`));

  it('round-trips payloads, and what it stores carries no plaintext', async function () {
    const [encrypted] = await codec.encode([payload()]);
    assert.ok(!text(encrypted!).includes('13812345678') && !text(encrypted!).includes('JS-000001'));
    assert.equal(Buffer.from(encrypted!.metadata!['encryption-key-id']!).toString(), 'k1');
    const [decoded] = await codec.decode([encrypted!]);
    assert.deepEqual(defaultPayloadConverter.fromPayload(decoded!), value);
  });

  it('refuses a payload with one bit flipped', async function () {
    const [encrypted] = await codec.encode([payload()]);
    for (const offset of [0, 20, encrypted!.data!.length - 1]) {
      const data = Uint8Array.from(encrypted!.data!);
      data[offset]! ^= 0x01;
      await assert.rejects(codec.decode([{ ...encrypted!, data }]), PayloadDecryptionError);
    }
  });

  it('refuses an unknown key id, and a payload re-labelled to another key', async function () {
    const [encrypted] = await codec.encode([payload()]);
    const relabelled = {
      ...encrypted!,
      metadata: { ...encrypted!.metadata, 'encryption-key-id': Buffer.from('k9') },
    };
    await assert.rejects(codec.decode([relabelled]), /no key with id "k9"/);
    const other = new AesGcmPayloadCodec(parseKeyRing(`k2:${key()},k9:${key()}`));
    await assert.rejects(other.decode([{ ...relabelled }]), PayloadDecryptionError);
  });

  it('after rotation, old payloads still decrypt and new ones use the new key', async function () {
    const [old] = await codec.encode([payload()]);
    const rotated = new AesGcmPayloadCodec(parseKeyRing(`k2:${key()},k1:${k1}`));
    assert.deepEqual(defaultPayloadConverter.fromPayload((await rotated.decode([old!]))[0]!), value);
    const [fresh] = await rotated.encode([payload()]);
    assert.equal(Buffer.from(fresh!.metadata!['encryption-key-id']!).toString(), 'k2');
    await assert.rejects(codec.decode([fresh!]), /no key with id "k2"/);
  });

  it('passes through payloads it did not encrypt (histories from before encryption)', async function () {
    const plain = payload('plain');
    assert.deepEqual(await codec.decode([plain]), [plain]);
  });

  it('never repeats an IV across 100,000 encodes', async function () {
    const seen = new Set<string>();
    const batch = Array.from({ length: 1000 }, () => payload(1));
    for (let round = 0; round < 100; round += 1) {
      for (const encrypted of await codec.encode(batch)) {
        const iv = Buffer.from(encrypted.data!.subarray(0, 12)).toString('hex');
        assert.ok(!seen.has(iv), 'IV reused');
        seen.add(iv);
      }
    }
    assert.equal(seen.size, 100_000);
  });

  it('refuses malformed key rings with the rule', function () {
    assert.throws(() => parseKeyRing(''), /at least one key/);
    assert.throws(() => parseKeyRing('nokey'), /id:base64-key/);
    assert.throws(() => parseKeyRing(`k1:${randomBytes(16).toString('base64')}`), /32 bytes/);
    assert.throws(() => parseKeyRing(`k1:${key()}`, 'k2'), /active key k2 is not in the key ring/);
    assert.throws(() => parseKeyRing(`k1:${key()},k1:${key()}`), /appears twice/);
  });
});
