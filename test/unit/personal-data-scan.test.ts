/**
 * The positive control of the personal-data scan every process's tests use: values planted where a leak would put
 * them (an unencrypted payload, an encrypted one, a failure message) are found, and a payload it cannot decrypt
 * fails the scan instead of passing as clean ciphertext.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import type { History } from '@temporalio/common/lib/proto-utils';
import { AesGcmPayloadCodec, parseKeyRing } from '../../platform/codec/payload-codec';
import { assertNoPersonalData, scanForPersonalData } from '../helpers/personal-data-scan';
import { TEST_PAYLOAD_KEYS } from '../helpers/temporal';

const PLANTED = {
  inPlainPayload: '13800001111',
  inEncryptedPayload: 'PII-PLANTED-CERT-7',
  inFailureMessage: '隐私植入张三',
};
const codec = new AesGcmPayloadCodec(TEST_PAYLOAD_KEYS);
const json = (value: unknown): Payload => defaultPayloadConverter.toPayload(value);

function historyOf(scheduled: Payload, completed: Payload, failureMessage: string): History {
  return {
    events: [
      { eventId: 5, activityTaskScheduledEventAttributes: { input: { payloads: [scheduled] } } },
      { eventId: 7, activityTaskCompletedEventAttributes: { result: { payloads: [completed] } } },
      { eventId: 9, activityTaskFailedEventAttributes: { failure: { message: failureMessage } } },
    ],
  } as unknown as History;
}

describe('the personal-data scan (positive control)', function () {
  it('finds a value in an unencrypted payload, inside an encrypted one, and in a failure message', async function () {
    const [encrypted] = await codec.encode([json({ caseRef: 'CASE-1', staff: PLANTED.inEncryptedPayload })]);
    const history = historyOf(json({ phone: PLANTED.inPlainPayload }), encrypted!, PLANTED.inFailureMessage);
    const scan = await scanForPersonalData([history], [...Object.values(PLANTED), '13999999999']);
    assert.deepEqual(scan.found, Object.values(PLANTED), 'every planted value, and nothing else');
    assert.deepEqual([scan.payloads, scan.decrypted], [2, 1]);
    await assert.rejects(
      assertNoPersonalData([history], [PLANTED.inEncryptedPayload], { sees: 'CASE-1' }),
      /personal data stored in Temporal/,
    );
  });

  it('passes a clean history only when it saw the plaintext it was told to expect', async function () {
    const [encrypted] = await codec.encode([json({ caseRef: 'CASE-2' })]);
    const clean = historyOf(json({ district: 'jinshui' }), encrypted!, 'department unavailable');
    await assertNoPersonalData([clean], Object.values(PLANTED), { sees: 'CASE-2' });
    await assert.rejects(
      assertNoPersonalData([clean], Object.values(PLANTED), { sees: 'CASE-3' }),
      /does not see CASE-3/,
    );
  });

  it('a payload encrypted with another key fails the scan rather than passing as ciphertext', async function () {
    const other = new AesGcmPayloadCodec(parseKeyRing(`other:${randomBytes(32).toString('base64')}`));
    const [foreign] = await other.encode([json({ phone: PLANTED.inPlainPayload })]);
    const history = historyOf(json({}), foreign!, 'x');
    await assert.rejects(scanForPersonalData([history], [PLANTED.inPlainPayload]), /no key with id "other"/);
  });
});
