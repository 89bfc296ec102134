import assert from 'node:assert/strict';
import { Client, Connection } from '@temporalio/client';
import { defaultPayloadConverter } from '@temporalio/common';
import type { Express } from 'express';
import request from 'supertest';
import type { Db } from '../../activities/db/connection';
import { AesGcmPayloadCodec } from '../../platform/codec/payload-codec';
import { CODEC_COOKIE } from '../../api/codec/codec-session';
import { toPayloadsJson } from '../../api/codec/payloads-json';
import { bearer, TEST_UI_ORIGIN, testApp } from '../helpers/api';
import { openTestDb } from '../helpers/database';
import { TEST_PAYLOAD_KEYS } from '../helpers/temporal';

const secretInput = { caseId: 'gas-retrofit:jinshui:JS-CODEC-1', note: '联系人 13812345678' };
/** Encrypted as the client does for the case that owns it: sealed for that case's process and district. */
const sealedFor = (workflowId: string, value: unknown) =>
  new AesGcmPayloadCodec(TEST_PAYLOAD_KEYS).encode([defaultPayloadConverter.toPayload(value)], {
    type: 'workflow',
    namespace: 'default',
    workflowId,
  });

describe('codec server for the Temporal Web UI (/codec)', function () {
  let db: Db;
  let app: Express;
  let encryptedBody: ReturnType<typeof toPayloadsJson>;
  const supervisor = () =>
    bearer({ sub: 'sup-codec', dept: 'gas-safety-office', district: 'city', roles: ['supervisor'] });

  before(async function () {
    db = openTestDb();
    // Never contacted: the codec server needs no Temporal connection, only the namespace it serves.
    const client = new Client({
      connection: Connection.lazy({ address: '127.0.0.1:1' }),
      namespace: 'default',
    });
    app = testApp(client, db, 'unused');
    encryptedBody = toPayloadsJson(await sealedFor(secretInput.caseId, secretInput));
  });
  after(() => db?.destroy());

  const decode = () =>
    request(app).post('/codec/decode').set('X-Namespace', 'default').set('Origin', TEST_UI_ORIGIN);

  it('decodes for a supervisor, and the Web UI origin may read the answer', async function () {
    const res = await decode()
      .set('Authorization', await supervisor())
      .send(encryptedBody);
    assert.equal(res.status, 200);
    assert.equal(res.headers['access-control-allow-origin'], TEST_UI_ORIGIN);
    assert.equal(res.headers['access-control-allow-credentials'], 'true');
    const payload = res.body.payloads[0];
    assert.equal(Buffer.from(payload.metadata.encoding, 'base64').toString(), 'json/plain');
    assert.deepEqual(JSON.parse(Buffer.from(payload.data, 'base64').toString()), secretInput);
  });

  it('encodes for nobody: a payload the worker would take as the platform’s own comes only from the API', async function () {
    const plain = toPayloadsJson([defaultPayloadConverter.toPayload(secretInput)]);
    const callers = [
      await bearer({ sub: 'aud-enc', dept: 'city-finance', district: 'city', roles: ['auditor'] }),
      await supervisor(),
      await bearer({ sub: 'admin-enc', dept: 'gas-safety-office', district: 'city', roles: ['admin'] }),
    ];
    for (const auth of callers) {
      for (const path of ['/codec/default/encode', '/codec/encode']) {
        const res = await request(app)
          .post(path)
          .set('X-Namespace', 'default')
          .set('Authorization', auth)
          .send(plain);
        assert.equal(res.status, 403, path);
        assert.ok(!JSON.stringify(res.body).includes('13812345678'));
      }
    }
    const refused = await db('onething.audit_log')
      .whereIn('actor_id', ['aud-enc', 'sup-codec', 'admin-enc'])
      .andWhere({ action: 'codec:encode' })
      .pluck('outcome');
    assert.deepEqual([...new Set(refused)], ['refused']);
    assert.equal(refused.length, 6);
  });

  it('answers the browser preflight for the Web UI origin only', async function () {
    const ok = await request(app)
      .options('/codec/decode')
      .set('Origin', TEST_UI_ORIGIN)
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'content-type,x-namespace');
    assert.equal(ok.status, 204);
    assert.equal(ok.headers['access-control-allow-origin'], TEST_UI_ORIGIN);
    const foreign = await request(app)
      .options('/codec/decode')
      .set('Origin', 'https://evil.example')
      .set('Access-Control-Request-Method', 'POST');
    assert.equal(foreign.headers['access-control-allow-origin'], undefined);
    const posted = await decode()
      .set('Origin', 'https://evil.example')
      .set('Authorization', await supervisor())
      .send(encryptedBody);
    assert.equal(posted.status, 403);
  });

  it('without credentials: 401, and the ciphertext stays ciphertext', async function () {
    const res = await decode().send(encryptedBody);
    assert.equal(res.status, 401);
    assert.ok(!JSON.stringify(res.body).includes('JS-CODEC-1'));
  });

  it('refuses clerks, other namespaces and a missing namespace, and audits each refusal', async function () {
    const clerk = await bearer({ sub: 'clerk-codec' });
    assert.equal((await decode().set('Authorization', clerk).send(encryptedBody)).status, 403);
    const other = await request(app)
      .post('/codec/decode')
      .set('X-Namespace', 'elsewhere')
      .set('Authorization', await supervisor())
      .send(encryptedBody);
    assert.equal(other.status, 403);
    const missing = await request(app)
      .post('/codec/decode')
      .set('Authorization', await supervisor())
      .send(encryptedBody);
    assert.equal(missing.status, 400);
    assert.equal(missing.body.error.problems[0].field, 'X-Namespace');
    const refused = await db('onething.audit_log')
      .whereIn('actor_id', ['clerk-codec', 'sup-codec'])
      .andWhere({ outcome: 'refused', action: 'codec:decode' })
      .pluck('reason');
    assert.ok(refused.some((reason: string) => /requires one of the roles/.test(reason)));
    assert.ok(refused.some((reason: string) => /only the namespace default/.test(reason)));
  });

  it('answers a tampered or malformed payload with 4xx, never 500', async function () {
    const auth = await supervisor();
    const tampered = structuredClone(encryptedBody);
    const data = Buffer.from(tampered.payloads[0]!.data!, 'base64');
    data[20]! ^= 0x01;
    tampered.payloads[0]!.data = data.toString('base64');
    const res = await decode().set('Authorization', auth).send(tampered);
    assert.equal(res.status, 422);
    assert.equal(res.body.error.code, 'undecryptable-payload');

    const malformed = await decode()
      .set('Authorization', auth)
      .send({ payloads: [{ data: 'not base64!' }] });
    assert.equal(malformed.status, 400);
    assert.equal(malformed.body.error.problems[0].field, 'payloads.0.data');
    const notJson = await decode()
      .set('Authorization', auth)
      .set('Content-Type', 'application/json')
      .send('{');
    assert.equal(notJson.status, 400);
  });

  it('sign-in sets an HttpOnly same-site cookie that then authorises the Web UI’s requests', async function () {
    const token = (await supervisor()).slice('Bearer '.length);
    const page = await request(app).get('/codec/sign-in');
    assert.match(page.text, /<form method="post" action="\/codec\/session">/);
    const signedIn = await request(app).post('/codec/session').type('form').send({ token });
    assert.equal(signedIn.status, 200);
    const cookie = String(signedIn.headers['set-cookie']);
    assert.match(cookie, new RegExp(`^${CODEC_COOKIE}=`));
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Strict/);
    assert.match(cookie, /Path=\/codec/);
    const viaCookie = await decode().set('Cookie', cookie.split(';')[0]!).send(encryptedBody);
    assert.equal(viaCookie.status, 200);

    const clerkToken = (await bearer()).slice('Bearer '.length);
    const clerk = await request(app).post('/codec/session').type('form').send({ token: clerkToken });
    assert.equal(clerk.status, 403);
    assert.equal(clerk.headers['set-cookie'], undefined);
    const signedOut = await request(app).post('/codec/session/sign-out');
    assert.match(String(signedOut.headers['set-cookie']), /Max-Age=0/);
  });

  describe('decodes only the scopes the caller’s work needs', function () {
    const erqiInput = { caseId: 'gas-retrofit:erqi:EQ-CODEC-1', note: '联系人 13900001111' };
    const petitionInput = { report: '举报 物业 13700002222' };
    let mixed: ReturnType<typeof toPayloadsJson>;
    before(async function () {
      mixed = toPayloadsJson([
        ...(await sealedFor(secretInput.caseId, secretInput)),
        ...(await sealedFor(erqiInput.caseId, erqiInput)),
        ...(await sealedFor('petition:jinshui:XT-CODEC-1', petitionInput)),
      ]);
    });
    const decodedBy = async (auth: string) => {
      const res = await decode().set('Authorization', auth).send(mixed);
      assert.equal(res.status, 200);
      return (res.body.payloads as { metadata: { encoding: string }; data: string }[]).map((p) =>
        Buffer.from(p.metadata.encoding, 'base64').toString() === 'json/plain'
          ? JSON.parse(Buffer.from(p.data, 'base64').toString())
          : 'ciphertext',
      );
    };

    it('a jinshui gas supervisor reads jinshui’s household, not erqi’s, not a petition', async function () {
      const auth = await bearer({
        sub: 'sup-js-gas',
        dept: 'gas-safety-office',
        district: 'jinshui',
        roles: ['supervisor'],
      });
      assert.deepEqual(await decodedBy(auth), [secretInput, 'ciphertext', 'ciphertext']);
    });

    it('a city gas supervisor reads both districts’ households, still not the petition', async function () {
      assert.deepEqual(await decodedBy(await supervisor()), [secretInput, erqiInput, 'ciphertext']);
    });

    it('a health-commission supervisor decodes no gas household', async function () {
      const auth = await bearer({
        sub: 'sup-hc',
        dept: 'health-commission',
        district: 'city',
        roles: ['supervisor'],
      });
      assert.deepEqual(await decodedBy(auth), ['ciphertext', 'ciphertext', 'ciphertext']);
    });

    it('the petition office reads the petition and no household; the audit row counts what it withheld', async function () {
      const auth = await bearer({
        sub: 'aud-po',
        dept: 'petition-office',
        district: 'jinshui',
        roles: ['auditor'],
      });
      assert.deepEqual(await decodedBy(auth), ['ciphertext', 'ciphertext', petitionInput]);
      const [row] = await db('onething.audit_log').where({ actor_id: 'aud-po', action: 'codec:decode' });
      assert.deepEqual(row.details, { payloads: 3, withheld: 2 });
    });
  });

  it('slows down a client that keeps being refused, and never a supervisor whose requests succeed', async function () {
    const client = new Client({
      connection: Connection.lazy({ address: '127.0.0.1:1' }),
      namespace: 'default',
    });
    const limited = testApp(client, db, 'unused', {
      codec: { refusalLimit: { limit: 3, windowMs: 60_000 } },
    });
    const decodeOn = () =>
      request(limited).post('/codec/decode').set('X-Namespace', 'default').set('Origin', TEST_UI_ORIGIN);
    const auth = await supervisor();
    for (let i = 0; i < 5; i += 1) {
      assert.equal((await decodeOn().set('Authorization', auth).send(encryptedBody)).status, 200);
    }
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      statuses.push(
        (await decodeOn().set('Authorization', 'Bearer forged.token.value').send(encryptedBody)).status,
      );
    }
    assert.deepEqual(statuses, [401, 401, 401, 429]);
    const blocked = await decodeOn().set('Authorization', auth).send(encryptedBody);
    assert.equal(blocked.status, 429);
    assert.equal(blocked.body.error.code, 'rate-limited');
    assert.ok(blocked.headers['retry-after']);
  });

  it('writes every allowed use to the audit log, with the count and no payload content', async function () {
    const rows = await db('onething.audit_log').where({ actor_id: 'sup-codec', outcome: 'allowed' });
    assert.ok(rows.length >= 1);
    assert.ok(rows.every((row: { details: { payloads: number } }) => row.details.payloads >= 1));
    assert.ok(!JSON.stringify(rows).includes('13812345678'));
  });
});
