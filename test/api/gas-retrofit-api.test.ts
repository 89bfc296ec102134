import assert from 'node:assert/strict';
import { Client, Connection } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Express } from 'express';
import request from 'supertest';
import { createPostgresAdapters } from '../../activities/adapters';
import type { Db } from '../../activities/db/connection';
import { workflowMetadataQuery } from '@temporalio/workflow';
import { SEARCH_ATTRIBUTES } from '../../workflows/definitions';
import { interactiveRetries } from '../../platform/temporal';
import { assertNeverStarted, bearer, householdStartBody, testApp } from '../helpers/api';
import { openTestDb, uniqueAccountRef } from '../helpers/database';
import { runTestWorker, startDevServer, uniqueTaskQueue, type RunningTestWorker } from '../helpers/temporal';
import { ensureTeams } from '../workflows/gas-retrofit-helpers';

describe('gas-retrofit API (supertest on createApp, real dev server, real Postgres)', function () {
  let env: TestWorkflowEnvironment;
  let db: Db;
  let worker: RunningTestWorker;
  let app: Express;

  before(async function () {
    env = await startDevServer();
    db = openTestDb();
    const taskQueue = uniqueTaskQueue('api');
    worker = await runTestWorker(env, taskQueue, createPostgresAdapters(db));
    app = testApp(env.client, db, taskQueue);
    await ensureTeams(createPostgresAdapters(db), 'jinshui');
  });

  after(async function () {
    await worker?.stop();
    await env?.teardown();
    await db?.destroy();
  });

  async function newAccount(district = 'jinshui' as const) {
    const accountRef = uniqueAccountRef('JS');
    await createPostgresAdapters(db).gasCompany.upsertAccounts([
      { accountRef, district, userType: 'residential-pipeline', status: 'active' },
    ]);
    return accountRef;
  }

  async function waitForStage(caseUrl: string, stage: string) {
    const auth = await bearer();
    for (let attempt = 0; attempt < 100; attempt += 1) {
      const res = await request(app).get(caseUrl).set('Authorization', auth);
      if (res.status === 200 && res.body.stage === stage) return res.body;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.fail(`case ${caseUrl} never reached ${stage}`);
  }

  it('starts a case (201 + Location), a repeat returns the same case (200), and the case reads back', async function () {
    const accountRef = await newAccount();
    const auth = await bearer();
    const first = await request(app)
      .post('/v1/gas-retrofit/households')
      .set('Authorization', auth)
      .send(householdStartBody(accountRef));
    assert.equal(first.status, 201);
    assert.equal(first.body.caseId, `gas-retrofit:jinshui:${accountRef}`);
    assert.equal(first.headers.location, first.body.links.self);

    const repeat = await request(app)
      .post('/v1/gas-retrofit/households')
      .set('Authorization', auth)
      .send(householdStartBody(accountRef));
    assert.equal(repeat.status, 200);
    assert.equal(repeat.body.status, 'existing');
    assert.equal(repeat.body.caseId, first.body.caseId);

    const scheduled = await waitForStage(first.headers.location!, 'installation-scheduled');
    assert.equal(scheduled.workflowStatus, 'RUNNING');
    assert.equal(scheduled.eligibility.outcome, 'eligible');
    assert.match(scheduled.booking.day, /^\d{4}-\d{2}-\d{2}$/);

    const description = await env.client.workflow.getHandle(first.body.caseId).describe();
    assert.equal(description.typedSearchAttributes.get(SEARCH_ATTRIBUTES.district), 'jinshui');
    assert.equal(description.typedSearchAttributes.get(SEARCH_ATTRIBUTES.stage), 'installation-scheduled');
    // What a supervisor reads in the Web UI: a one-line summary and current details, in Chinese, no personal data.
    assert.equal(
      await description.staticSummary(),
      `燃气自闭阀与金属软管加装 · 金水区 · 户号尾号${accountRef.slice(-4)}`,
    );
    const metadata = await env.client.workflow.getHandle(first.body.caseId).query(workflowMetadataQuery);
    assert.match(metadata.currentDetails ?? '', /\*\*阶段\*\*：待上门安装/);
    assert.match(metadata.currentDetails ?? '', /\*\*预约\*\*：\d{4}-\d{2}-\d{2}/);
  });

  it('refuses bad bodies with 400 naming each field and rule, and starts nothing', async function () {
    const accountRef = await newAccount();
    const res = await request(app)
      .post('/v1/gas-retrofit/households')
      .set('Authorization', await bearer())
      .send({ ...householdStartBody(accountRef), userType: 'castle', channel: 7, contactName: '张三丰' });
    assert.equal(res.status, 400);
    assert.deepEqual(res.body.error.problems.map((p: { field: string }) => p.field).sort(), [
      'channel',
      'contactName',
      'userType',
    ]);
    assert.ok(!JSON.stringify(res.body).includes('张三丰'), 'the body is not echoed');
    await assertNeverStarted(env.client, `gas-retrofit:jinshui:${accountRef}`);
  });

  it('shows the contact masked; unmasking needs the permission and is audited either way', async function () {
    const accountRef = await newAccount();
    const contact = {
      name: '王小明',
      phone: '13812345678',
      address: '金水区花园路 8 号',
      idNumber: '41010519900307123x',
    };
    const started = await request(app)
      .post('/v1/gas-retrofit/households')
      .set('Authorization', await bearer())
      .send({ ...householdStartBody(accountRef), contact });
    assert.equal(started.status, 201);
    const url = `/v1/gas-retrofit/households/${encodeURIComponent(started.body.caseId)}/contact`;

    const masked = await request(app)
      .get(url)
      .set('Authorization', await bearer());
    assert.equal(masked.status, 200);
    assert.deepEqual(masked.body, {
      caseId: started.body.caseId,
      masked: true,
      contact: { name: '王**', phone: '138****5678', address: '金水区****', idNumber: '410105********123X' },
    });

    const refused = await request(app)
      .get(`${url}?unmasked=true`)
      .set('Authorization', await bearer());
    assert.equal(refused.status, 403);
    assert.ok(!JSON.stringify(refused.body).includes('13812345678'));
    const otherDistrict = await request(app)
      .get(url)
      .set('Authorization', await bearer({ sub: 'clerk-erqi', district: 'erqi' }));
    assert.equal(otherDistrict.status, 403);

    const permitted = await bearer({ sub: 'clerk-unmask', perms: ['unmask-personal-data'] });
    const full = await request(app).get(`${url}?unmasked=true`).set('Authorization', permitted);
    assert.equal(full.status, 200);
    assert.deepEqual(full.body.contact, { ...contact, idNumber: '41010519900307123X' });

    const audit = await db('onething.audit_log')
      .where({ case_id: started.body.caseId, action: 'contact:unmask' })
      .orderBy('id');
    assert.deepEqual(
      audit.map((row: { actor_id: string; outcome: string }) => [row.actor_id, row.outcome]),
      [
        ['clerk-1', 'refused'],
        ['clerk-unmask', 'allowed'],
      ],
    );
  });

  it('posting again with another contact is refused; a change of contact is its own act, with a reason, audited', async function () {
    const accountRef = await newAccount();
    const body = householdStartBody(accountRef);
    const started = await request(app)
      .post('/v1/gas-retrofit/households')
      .set('Authorization', await bearer())
      .send(body);
    assert.equal(started.status, 201);
    const retried = await request(app)
      .post('/v1/gas-retrofit/households')
      .set('Authorization', await bearer())
      .send(body);
    assert.equal(retried.status, 200, 'the same contact again is a retry');
    const moved = { ...body.contact, phone: '13911112222', address: '金水区农业路 1 号' };
    const reposted = await request(app)
      .post('/v1/gas-retrofit/households')
      .set('Authorization', await bearer())
      .send({ ...body, contact: moved });
    assert.equal(reposted.status, 409);
    assert.match(reposted.body.error.message, /^contact: .*PUT/);
    assert.ok(!JSON.stringify(reposted.body).includes('13911112222'));
    const url = `/v1/gas-retrofit/households/${encodeURIComponent(started.body.caseId)}/contact`;
    const read = async () =>
      (
        await request(app)
          .get(url)
          .set('Authorization', await bearer())
      ).body.contact;
    assert.equal((await read()).phone, '138****5678', 'the contact kept is the first');

    const change = (auth: string, reason: string) =>
      request(app).put(url).set('Authorization', auth).send({ contact: moved, reason });
    const installer = await bearer({ sub: 'inst-1', dept: 'installer', roles: ['installer'] });
    assert.equal((await change(installer, '住户搬家')).status, 403);
    const withPhone = await change(await bearer(), '新号码 13911112222');
    assert.equal(withPhone.status, 400);
    assert.equal(withPhone.body.error.problems[0].field, 'reason');
    const changed = await change(await bearer(), '住户搬家，留了新电话');
    assert.equal(changed.status, 200, JSON.stringify(changed.body));
    assert.equal(changed.body.contact.phone, '139****2222');
    assert.equal((await read()).phone, '139****2222');
    const [audited] = await db('onething.audit_log').where({
      case_id: started.body.caseId,
      action: 'contact:change',
    });
    assert.deepEqual(
      [audited.actor_id, audited.outcome, audited.reason],
      ['clerk-1', 'allowed', '住户搬家，留了新电话'],
    );
  });

  it('refuses an invalid identity card number, naming the field and rule without echoing it', async function () {
    const accountRef = await newAccount();
    const res = await request(app)
      .post('/v1/gas-retrofit/households')
      .set('Authorization', await bearer())
      .send({
        ...householdStartBody(accountRef),
        contact: { ...householdStartBody(accountRef).contact, idNumber: '410105199003071230' },
      });
    assert.equal(res.status, 400);
    assert.deepEqual(res.body.error.problems, [
      { field: 'contact.idNumber', rule: 'has a wrong check character' },
    ]);
    assert.ok(!JSON.stringify(res.body).includes('410105199003071230'));
    assert.equal(
      (await db('gas_company.service_contacts').where({ case_id: `gas-retrofit:jinshui:${accountRef}` }))
        .length,
      0,
    );
  });

  it('answers malformed JSON with 400 and oversized bodies with 413', async function () {
    const auth = await bearer();
    const malformed = await request(app)
      .post('/v1/gas-retrofit/households')
      .set('Authorization', auth)
      .set('Content-Type', 'application/json')
      .send('{"district": "jinshui",');
    assert.equal(malformed.status, 400);
    assert.equal(malformed.body.error.problems[0].rule, 'must be well-formed JSON');

    const huge = await request(app)
      .post('/v1/gas-retrofit/households')
      .set('Authorization', auth)
      .send({ ...householdStartBody('JS-000001'), padding: 'x'.repeat(64 * 1024) });
    assert.equal(huge.status, 413);
  });

  it('401 without a token; 403 for another district, a non-clerk, or another department', async function () {
    const accountRef = await newAccount();
    const url = '/v1/gas-retrofit/households';
    assert.equal((await request(app).post(url).send(householdStartBody(accountRef))).status, 401);
    assert.equal(
      (
        await request(app)
          .post(url)
          .set('Authorization', 'Bearer not.a.token')
          .send(householdStartBody(accountRef))
      ).status,
      401,
    );
    for (const claims of [
      { district: 'erqi' as const },
      { roles: ['supervisor' as const] },
      { dept: 'city-finance' as const },
    ]) {
      const res = await request(app)
        .post(url)
        .set('Authorization', await bearer(claims))
        .send(householdStartBody(accountRef));
      assert.equal(res.status, 403, JSON.stringify(claims));
    }
    const cityClerk = await request(app)
      .post(url)
      .set('Authorization', await bearer({ district: 'city', dept: 'gas-safety-office' }))
      .send(householdStartBody(accountRef));
    assert.equal(
      cityClerk.status,
      201,
      'a city-level clerk of the gas-safety office may start a case anywhere',
    );
  });

  it('404 for an unknown case or a malformed case ID; 403 reading another district', async function () {
    const auth = await bearer();
    assert.equal(
      (
        await request(app)
          .get('/v1/gas-retrofit/households/gas-retrofit%3Ajinshui%3ANOPE-0000')
          .set('Authorization', auth)
      ).status,
      404,
    );
    assert.equal(
      (await request(app).get('/v1/gas-retrofit/households/whatever').set('Authorization', auth)).status,
      404,
    );
    const other = await request(app)
      .get('/v1/gas-retrofit/households/gas-retrofit%3Aerqi%3AEQ-000001')
      .set('Authorization', auth);
    assert.equal(other.status, 403);
  });

  it('a campaign decision its workflow refuses is answered 409 and written to the audit log', async function () {
    const auth = await bearer({
      sub: 'safety-sup',
      dept: 'gas-safety-office',
      district: 'city',
      roles: ['supervisor'],
    });
    const campaignId = `audit-${process.pid}-${Date.now()}`;
    const started = await request(app)
      .post('/v1/gas-retrofit/campaigns')
      .set('Authorization', auth)
      .send({ district: 'jinshui', campaignId });
    assert.equal(started.status, 201);
    const pause = `/v1/gas-retrofit/campaigns/${encodeURIComponent(started.body.workflowId)}/actions/pause`;
    // The first pause may find the campaign running or already finished; the second finds it paused or finished.
    await request(app).post(pause).set('Authorization', auth).send({});
    const refused = await request(app).post(pause).set('Authorization', auth).send({});
    assert.equal(refused.status, 409);
    const rows = await db('onething.audit_log').where({
      case_id: started.body.workflowId,
      action: 'decision:pause',
      outcome: 'refused',
    });
    assert.equal(rows.length, 1);
    assert.match(rows[0].reason, /^409 /);
  });

  it('serves health, an OpenAPI document and a docs page', async function () {
    const health = await request(app).get('/healthz');
    assert.equal(health.status, 200);
    assert.deepEqual(health.body.checks, { temporal: 'ok', database: 'ok' });

    const doc = await request(app).get('/openapi.json');
    assert.equal(doc.status, 200);
    assert.match(doc.body.openapi, /^3\./);
    const start = doc.body.paths['/v1/gas-retrofit/households'].post;
    assert.ok(start.requestBody, 'the start body is documented');
    assert.equal(doc.body.components.schemas.StartGasRetrofitHousehold.additionalProperties, false);

    const docs = await request(app).get('/docs/');
    assert.equal(docs.status, 200);
    assert.match(docs.text, /swagger-ui/);
  });

  it('answers 503 when Temporal cannot be reached', async function () {
    const deadConnection = Connection.lazy({
      address: '127.0.0.1:1',
      connectTimeout: 500,
      interceptors: interactiveRetries(),
    });
    const deadApp = testApp(new Client({ connection: deadConnection }), db, 'nowhere');
    const res = await request(deadApp)
      .post('/v1/gas-retrofit/households')
      .set('Authorization', await bearer())
      .send(householdStartBody(await newAccount()));
    assert.equal(res.status, 503);
    assert.equal(res.body.error.code, 'temporal-unavailable');
    const health = await request(deadApp).get('/healthz');
    assert.equal(health.status, 503);
    assert.equal(health.body.checks.temporal, 'unavailable');
  });
});
