/**
 * Who may do what: every endpoint × role × department × district. Each caller either gets a 403, or an answer
 * that shows the request went past the access check (201, 200, 400 or 404). Every 403 is in the audit log. And a
 * user who floods the API is answered 429 while others carry on.
 */
import assert from 'node:assert/strict';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Express } from 'express';
import request from 'supertest';
import type { Claims } from '../../api/auth';
import type { Db } from '../../activities/db/connection';
import { bearer, testApp } from '../helpers/api';
import { openTestDb, uniqueAccountRef } from '../helpers/database';
import { startDevServer, uniqueTaskQueue } from '../helpers/temporal';

type Profile = Omit<Claims, 'name'>;
const PROFILES = {
  gasClerkJinshui: { sub: 'm-gas-js', dept: 'gas-company', district: 'jinshui', roles: ['clerk'] },
  gasClerkErqi: { sub: 'm-gas-eq', dept: 'gas-company', district: 'erqi', roles: ['clerk'] },
  installerJinshui: { sub: 'm-inst-js', dept: 'installer', district: 'jinshui', roles: ['installer'] },
  gridWorkerJinshui: { sub: 'm-grid-js', dept: 'community', district: 'jinshui', roles: ['grid-worker'] },
  financeJinshui: { sub: 'm-fin-js', dept: 'district-finance', district: 'jinshui', roles: ['finance'] },
  financeErqi: { sub: 'm-fin-eq', dept: 'district-finance', district: 'erqi', roles: ['finance'] },
  supervisorCity: { sub: 'm-sup', dept: 'gas-safety-office', district: 'city', roles: ['supervisor'] },
  auditorCity: { sub: 'm-aud', dept: 'city-finance', district: 'city', roles: ['auditor'] },
} satisfies Record<string, Profile>;
type ProfileName = keyof typeof PROFILES;

const UNKNOWN_CASE = encodeURIComponent('gas-retrofit:jinshui:JS-NOBODY-01');
let counter = 0;

/** Everyone with business on a Jinshui case: its district's staff and the city's. */
const CASE_READERS: readonly ProfileName[] = [
  'gasClerkJinshui',
  'installerJinshui',
  'gridWorkerJinshui',
  'financeJinshui',
  'supervisorCity',
  'auditorCity',
];

interface Endpoint {
  name: string;
  allowed: readonly ProfileName[];
  send(app: Express, auth: string): request.Test;
}

const ENDPOINTS: Endpoint[] = [
  {
    name: 'start a jinshui case',
    allowed: ['gasClerkJinshui'],
    send: (app, auth) =>
      request(app)
        .post('/v1/gas-retrofit/households')
        .set('Authorization', auth)
        .send({
          district: 'jinshui',
          accountRef: uniqueAccountRef('JS'),
          userType: 'residential-pipeline',
          channel: 'window',
          items: { valve: true, hoseLengthM: 2 },
          contact: { name: '测试', phone: '13800000000', address: '金水区测试路 1 号' },
        }),
  },
  {
    name: 'read a jinshui case',
    allowed: CASE_READERS,
    send: (app, auth) =>
      request(app).get(`/v1/gas-retrofit/households/${UNKNOWN_CASE}`).set('Authorization', auth),
  },
  {
    name: "read a jinshui case's contact",
    allowed: ['gasClerkJinshui', 'installerJinshui', 'gridWorkerJinshui', 'supervisorCity', 'auditorCity'],
    send: (app, auth) =>
      request(app).get(`/v1/gas-retrofit/households/${UNKNOWN_CASE}/contact`).set('Authorization', auth),
  },
  {
    name: 'take a decision on a jinshui case (the workflow then checks role and stage)',
    allowed: CASE_READERS,
    send: (app, auth) =>
      request(app)
        .post(`/v1/gas-retrofit/households/${UNKNOWN_CASE}/actions/acceptance`)
        .set('Authorization', auth)
        .send({ result: 'pass' }),
  },
  {
    name: "set jinshui's tender prices",
    allowed: ['financeJinshui'],
    // An empty body: whoever passes the access check is then refused by validation, so no price is changed.
    send: (app, auth) =>
      request(app).put('/v1/gas-retrofit/tender-prices/jinshui').set('Authorization', auth).send({}),
  },
  {
    name: "read jinshui's tender prices",
    allowed: [
      'gasClerkJinshui',
      'gasClerkErqi',
      'financeJinshui',
      'financeErqi',
      'supervisorCity',
      'auditorCity',
    ],
    send: (app, auth) =>
      request(app).get('/v1/gas-retrofit/tender-prices/jinshui').set('Authorization', auth),
  },
  {
    name: 'start a jinshui campaign',
    allowed: ['supervisorCity'],
    send: (app, auth) =>
      request(app)
        .post('/v1/gas-retrofit/campaigns')
        .set('Authorization', auth)
        .send({ district: 'jinshui', campaignId: `matrix-${process.pid}-${(counter += 1)}` }),
  },
];

describe('access: the role × department × district × endpoint matrix, denials audited, 429 per user', function () {
  this.timeout(120_000);
  let env: TestWorkflowEnvironment;
  let db: Db;
  let app: Express;

  before(async function () {
    env = await startDevServer();
    db = openTestDb();
    // No worker: cases and campaigns that pass the access check start and simply wait.
    app = testApp(env.client, db, uniqueTaskQueue('matrix'));
  });
  after(async function () {
    await env?.teardown();
    await db?.destroy();
  });

  for (const endpoint of ENDPOINTS) {
    it(endpoint.name, async function () {
      for (const [name, profile] of Object.entries(PROFILES) as Array<[ProfileName, Profile]>) {
        const res = await endpoint.send(app, await bearer(profile));
        const allowed = endpoint.allowed.includes(name);
        if (allowed) assert.ok([200, 201, 400, 404].includes(res.status), `${name} got ${res.status}`);
        else assert.equal(res.status, 403, `${name} should be refused; got ${res.status}`);
      }
    });
  }

  it('every 403 above is in the audit log with the caller and the rule', async function () {
    const refused = await db('onething.audit_log')
      .whereIn(
        'actor_id',
        Object.values(PROFILES).map((p) => p.sub),
      )
      .andWhere({ outcome: 'refused' })
      .select('actor_id', 'action', 'reason');
    const expectedDenials = ENDPOINTS.reduce(
      (total, endpoint) => total + Object.keys(PROFILES).length - endpoint.allowed.length,
      0,
    );
    assert.equal(refused.length, expectedDenials);
    assert.ok(refused.every((r: { reason: string }) => r.reason.length > 0));
    assert.ok(
      refused.some(
        (r: { action: string }) => r.action === 'http:PUT /v1/gas-retrofit/tender-prices/:district',
      ),
    );
  });

  it('answers 429 to a user past the per-user limit, while another user carries on', async function () {
    const limited = testApp(env.client, db, 'unused', { limit: 3, windowMs: 60_000 });
    const flooder = await bearer({ sub: 'flooder' });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      statuses.push((await request(limited).get('/v1/tasks').set('Authorization', flooder)).status);
    }
    assert.deepEqual(statuses, [200, 200, 200, 429, 429]);
    const last = await request(limited).get('/v1/tasks').set('Authorization', flooder);
    assert.equal(last.body.error.code, 'rate-limited');
    assert.ok(last.headers['retry-after']);
    assert.equal(
      (
        await request(limited)
          .get('/v1/tasks')
          .set('Authorization', await bearer({ sub: 'calm' }))
      ).status,
      200,
    );
  });
});
