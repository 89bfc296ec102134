import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import { AesGcmPayloadCodec, parseKeyRing, PayloadDecryptionError } from '../../platform/codec/payload-codec';
import { scopeOfWorkflowId } from '../../platform/codec/payload-scope';
import { FOREIGN_PAYLOAD_FIELD } from '../../workflows/kit/foreign-payload-marker';

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

  describe('scopes: a key per process and district, derived from the master key', function () {
    const ofCase = (workflowId: string) => ({ type: 'workflow' as const, namespace: 'default', workflowId });
    const metadataText = (p: Payload, field: string) => Buffer.from(p.metadata![field]!).toString();

    it('reads the scope from the owning workflow’s ID, and unknown IDs belong to the platform', function () {
      assert.deepEqual(scopeOfWorkflowId('gas-retrofit:jinshui:JS-1'), {
        process: 'gas-retrofit',
        district: 'jinshui',
      });
      assert.deepEqual(scopeOfWorkflowId('gas-retrofit-campaign:erqi:c1'), {
        process: 'gas-retrofit',
        district: 'erqi',
      });
      assert.deepEqual(scopeOfWorkflowId('childcare:gaoxin:X-1'), {
        process: 'childcare',
        district: 'gaoxin',
      });
      assert.deepEqual(scopeOfWorkflowId('petition:huiji:XT-1'), { process: 'petition', district: 'huiji' });
      assert.deepEqual(scopeOfWorkflowId('petition-weekly-index-2026-12-07T01:00:00Z'), {
        process: 'petition',
        district: 'city',
      });
      assert.deepEqual(scopeOfWorkflowId('petition:nowhere:XT-1'), { process: 'petition', district: 'city' });
      assert.deepEqual(scopeOfWorkflowId('something-else'), { process: 'platform', district: 'city' });
    });

    it('seals each case’s payloads for its scope, and a payload re-labelled to another scope fails', async function () {
      const [sealed] = await codec.encode([payload()], ofCase('gas-retrofit:jinshui:JS-1'));
      assert.equal(metadataText(sealed!, 'encryption-scope'), 'gas-retrofit/jinshui');
      assert.equal(metadataText(sealed!, 'encryption-key-id'), 'k1');
      assert.deepEqual(defaultPayloadConverter.fromPayload((await codec.decode([sealed!]))[0]!), value);
      const relabelled = {
        ...sealed!,
        metadata: { ...sealed!.metadata, 'encryption-scope': Buffer.from('gas-retrofit/erqi') },
      };
      await assert.rejects(codec.decode([relabelled]), /failed authentication/);
      // The master key alone does not open a scoped payload: the scope's derived key does.
      const unscoped = { ...sealed!, metadata: { ...sealed!.metadata } };
      delete unscoped.metadata['encryption-scope'];
      await assert.rejects(codec.decode([unscoped]), /failed authentication/);
    });

    it('after rotation, a scope’s old payloads decode under the old master key and new ones use the new', async function () {
      const context = ofCase('childcare:erqi:X-1');
      const [old] = await codec.encode([payload()], context);
      const rotated = new AesGcmPayloadCodec(parseKeyRing(`k2:${key()},k1:${k1}`));
      assert.deepEqual(
        defaultPayloadConverter.fromPayload((await rotated.decode([old!], context))[0]!),
        value,
      );
      const [fresh] = await rotated.encode([payload()], context);
      assert.equal(metadataText(fresh!, 'encryption-key-id'), 'k2');
      assert.equal(metadataText(fresh!, 'encryption-scope'), 'childcare/erqi');
      await assert.rejects(codec.decode([fresh!]), /no key with id "k2"/);
    });

    it('decodeReadable decodes the scopes allowed and returns the rest as they came', async function () {
      const [jinshui] = await codec.encode([payload()], ofCase('gas-retrofit:jinshui:JS-1'));
      const [erqi] = await codec.encode([payload()], ofCase('gas-retrofit:erqi:EQ-1'));
      const { payloads, withheld } = codec.decodeReadable([jinshui!, erqi!], (s) => s.district === 'jinshui');
      assert.deepEqual(defaultPayloadConverter.fromPayload(payloads[0]!), value);
      assert.equal(payloads[1], erqi);
      assert.equal(withheld, 1);
    });
  });

  describe('the worker’s codec marks what the platform did not encrypt', function () {
    const worker = new AesGcmPayloadCodec(parseKeyRing(`k1:${k1}`), { foreignPayloads: 'mark' });
    const context = { type: 'workflow' as const, namespace: 'default', workflowId: 'petition:jinshui:XT-9' };
    const reasonOf = async (p: Payload) =>
      defaultPayloadConverter.fromPayload<Record<string, string>>((await worker.decode([p], context))[0]!)[
        FOREIGN_PAYLOAD_FIELD
      ] ?? '';

    it('decodes its own payloads as they were', async function () {
      const [own] = await codec.encode([payload()], context);
      assert.deepEqual(
        defaultPayloadConverter.fromPayload((await worker.decode([own!], context))[0]!),
        value,
      );
    });

    it('marks plaintext, another key, a tampered payload and another case’s scope, and never throws', async function () {
      assert.match(await reasonOf(payload()), /not encrypted with the platform/);
      const stranger = new AesGcmPayloadCodec(parseKeyRing(`k1:${key()}`));
      const [foreignKey] = await stranger.encode([payload()], context);
      assert.match(await reasonOf(foreignKey!), /failed authentication/);
      const [unknownId] = await new AesGcmPayloadCodec(parseKeyRing(`k7:${key()}`)).encode(
        [payload()],
        context,
      );
      assert.match(await reasonOf(unknownId!), /no key with id "k7"/);
      const [ownOtherScope] = await codec.encode([payload()], {
        ...context,
        workflowId: 'petition:erqi:XT-9',
      });
      assert.match(await reasonOf(ownOtherScope!), /another process or district/);
    });
  });
});
