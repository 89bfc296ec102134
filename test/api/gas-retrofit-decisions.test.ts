import assert from 'node:assert/strict';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Express } from 'express';
import request from 'supertest';
import { createPostgresAdapters } from '../../activities/adapters';
import type { Db } from '../../activities/db/connection';
import { bearer, testApp } from '../helpers/api';
import { clearTenderPrices, openTestDb, uniqueAccountRef } from '../helpers/database';
import { runTestWorker, startDevServer, uniqueTaskQueue, type RunningTestWorker } from '../helpers/temporal';
import { ensureTeams, ensureTenderPrices } from '../workflows/gas-retrofit-helpers';
import { assertNoPersonalData } from '../helpers/personal-data-scan';

const CONTACT = { name: '李秀英', phone: '13987654321', address: '二七区大学路 66 号 2 号楼 302' };

describe('gas-retrofit decisions, pricing and tasks through the API (real dev server, real Postgres)', function () {
  this.timeout(60_000);
  let env: TestWorkflowEnvironment;
  let db: Db;
  let worker: RunningTestWorker;
  let app: Express;
  const district = 'erqi';

  before(async function () {
    env = await startDevServer();
    db = openTestDb();
    const taskQueue = uniqueTaskQueue('api-decisions');
    const adapters = createPostgresAdapters(db);
    worker = await runTestWorker(env, taskQueue, adapters);
    app = testApp(env.client, db, taskQueue);
    await ensureTeams(adapters, district);
    await ensureTenderPrices(adapters, district);
  });

  after(async function () {
    await worker?.stop();
    await env?.teardown();
    await db?.destroy();
  });

  const as = {
    clerk: () => bearer({ sub: 'clerk-eq', dept: 'gas-company', district, roles: ['clerk'] }),
    installer: () => bearer({ sub: 'fitter-eq', dept: 'installer', district, roles: ['installer'] }),
    finance: () => bearer({ sub: 'fin-eq', dept: 'district-finance', district, roles: ['finance'] }),
  };

  async function startCase(caseDistrict: typeof district | 'guancheng' = district) {
    const accountRef = uniqueAccountRef('EQ');
    await createPostgresAdapters(db).gasCompany.upsertAccounts([
      { accountRef, district: caseDistrict, userType: 'residential-pipeline', status: 'active' },
    ]);
    const started = await request(app)
      .post('/v1/gas-retrofit/households')
      .set('Authorization', await (caseDistrict === district ? as.clerk() : cityClerk()))
      .send({
        district: caseDistrict,
        accountRef,
        userType: 'residential-pipeline',
        channel: 'kiosk',
        items: { valve: true, hoseLengthM: 1.5 },
        contact: CONTACT,
      });
    assert.equal(started.status, 201, JSON.stringify(started.body));
    const url = started.headers.location!;
    await readUntil(url, 'installation-scheduled', caseDistrict === district ? as.clerk : cityClerk);
    return { url, caseId: started.body.caseId as string };
  }

  const cityClerk = () =>
    bearer({ sub: 'clerk-city', dept: 'gas-company', district: 'city', roles: ['clerk'] });

  /** Reads the case until it is at the stage with no decision's follow-on work still running (and `ready`). */
  async function readUntil(
    url: string,
    stage: string,
    reader = as.clerk,
    attempts = 100,
    ready: (body: { openTask?: unknown }) => boolean = () => true,
  ) {
    for (let i = 0; i < attempts; i += 1) {
      const read = await request(app)
        .get(url)
        .set('Authorization', await reader());
      if (read.body.stage === stage && !read.body.workingOn && ready(read.body))
        return read.body as { stage: string };
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`case never reached ${stage}`);
  }

  it('installer reports, clerk accepts, the case settles and pays; refusals are 403 / 409 / 400', async function () {
    const { url, caseId } = await startCase();
    const report = (token: string, serials: object) =>
      request(app).post(`${url}/actions/report-installation`).set('Authorization', token).send({ serials });

    assert.equal((await report(await as.clerk(), { valve: 'V', hose: 'H' })).status, 403);
    const missing = await report(await as.installer(), { valve: 'V' });
    assert.equal(missing.status, 400);
    assert.deepEqual(missing.body.error.problems, [
      { field: 'serials.hose', rule: 'is required, the hose was fitted' },
    ]);
    const early = await request(app)
      .post(`${url}/actions/acceptance`)
      .set('Authorization', await as.clerk())
      .send({ result: 'pass' });
    assert.equal(early.status, 409);

    const reported = await report(await as.installer(), { valve: 'ZV-9', hose: 'MH-9' });
    assert.equal(reported.status, 200);
    // Answered once recorded; the completion report and the acceptance task follow in the workflow.
    assert.equal(reported.body.workingOn, 'report-installation');
    await readUntil(url, 'acceptance');

    const tasks = await request(app)
      .get('/v1/tasks')
      .set('Authorization', await as.clerk());
    assert.ok(
      tasks.body.tasks.some(
        (t: { caseId: string; kind: string }) => t.caseId === caseId && t.kind === 'acceptance',
      ),
    );

    const unknownField = await request(app)
      .post(`${url}/actions/acceptance`)
      .set('Authorization', await as.clerk())
      .send({ result: 'pass', approvedAmount: 1 });
    assert.equal(unknownField.status, 400);

    const accepted = await request(app)
      .post(`${url}/actions/acceptance`)
      .set('Authorization', await as.clerk())
      .send({ result: 'pass' });
    assert.equal(accepted.status, 200);
    await env.client.workflow.getHandle(caseId).result();
    const done = await request(app)
      .get(url)
      .set('Authorization', await as.clerk());
    assert.equal(done.body.stage, 'closed');
    assert.equal(done.body.settlement.totalFen, 24_000);

    const late = await request(app)
      .post(`${url}/actions/cancel`)
      .set('Authorization', await as.clerk())
      .send({ reason: 'resident-withdrew' });
    assert.equal(late.status, 409);
    assert.match(late.body.error.message, /the case has ended \(completed\)/);
    assert.equal(
      (
        await request(app)
          .post(`${url}/actions/launch`)
          .set('Authorization', await as.clerk())
          .send({})
      ).status,
      404,
    );

    // Temporal kept none of the refused decisions; the audit log kept each, with actor and rule.
    const refusals = await db('onething.audit_log')
      .where({ case_id: caseId, outcome: 'refused' })
      .orderBy('id')
      .select('action', 'actor_id', 'reason');
    assert.deepEqual(
      refusals.map((r: { action: string; reason: string }) => [r.action, r.reason.slice(0, 3)]),
      [
        ['decision:report-installation', '403'],
        ['decision:report-installation', '400'],
        ['decision:acceptance', '409'],
        ['decision:acceptance', '400'],
        ['decision:cancel', '409'],
      ],
    );
    assert.match(refusals[1].reason, /serials\.hose: is required, the hose was fitted/);
  });

  it('keeps the contact in the gas company’s system and out of Temporal, and encrypts what Temporal stores', async function () {
    const { caseId } = await startCase();
    const stored = await db('gas_company.service_contacts').where({ case_id: caseId }).first();
    assert.equal(stored.phone, CONTACT.phone);
    await assertNoPersonalData(
      [await env.client.workflow.getHandle(caseId).fetchHistory()],
      Object.values(CONTACT),
      { sees: caseId.split(':')[2]! },
    );
  });

  it('quotes at the estimate (final settlement at the tender price), then at tender prices only finance may set; nothing to quote for a non-residential user', async function () {
    // A district without tender prices yet, whichever test files ran before this one on the shared database.
    await db('district_finance.tender_prices').where({ district: 'huiji' }).delete();
    const clerk = await as.clerk();
    const first = await request(app)
      .post('/v1/gas-retrofit/quote')
      .set('Authorization', clerk)
      .send({ district: 'huiji', userType: 'residential-pipeline', items: { valve: true, hoseLengthM: 3 } });
    assert.equal(first.status, 200);
    assert.equal(first.body.priceBasis.basis, 'estimate');
    assert.equal(first.body.finalSettlement, 'at-tender-price');
    assert.deepEqual(first.body.settlement.totals, {
      cityFinance: 8000,
      districtFinance: 4000,
      gasCompany: 8000,
      resident: 4000,
    });

    const prices = {
      tenderRef: 'HJ-2026-003',
      prices: { valve: 10_200, hose: 9_600, hoseExtraPerMetre: 3_100 },
    };
    assert.equal(
      (
        await request(app)
          .put('/v1/gas-retrofit/tender-prices/huiji')
          .set('Authorization', clerk)
          .send(prices)
      ).status,
      403,
    );
    const wrongDistrict = await bearer({ dept: 'district-finance', district: 'erqi', roles: ['finance'] });
    assert.equal(
      (
        await request(app)
          .put('/v1/gas-retrofit/tender-prices/huiji')
          .set('Authorization', wrongDistrict)
          .send(prices)
      ).status,
      403,
    );
    const bad = await request(app)
      .put('/v1/gas-retrofit/tender-prices/huiji')
      .set('Authorization', await bearer({ dept: 'district-finance', district: 'huiji', roles: ['finance'] }))
      .send({ tenderRef: 'x', prices: { valve: 99.5 } });
    assert.deepEqual(bad.body.error.problems, [
      { field: 'prices.valve', rule: 'must be a whole number of fen' },
    ]);
    const set = await request(app)
      .put('/v1/gas-retrofit/tender-prices/huiji')
      .set('Authorization', await bearer({ dept: 'district-finance', district: 'huiji', roles: ['finance'] }))
      .send(prices);
    assert.equal(set.status, 200);
    assert.equal(set.body.tenderRef, 'HJ-2026-003');

    const second = await request(app)
      .post('/v1/gas-retrofit/quote')
      .set('Authorization', clerk)
      .send({ district: 'huiji', userType: 'residential-pipeline', items: { valve: true, hoseLengthM: 3 } });
    assert.equal(second.body.priceBasis.basis, 'tender');
    assert.equal(second.body.settlement.totalFen, 19_800);

    const selfFunded = await request(app)
      .post('/v1/gas-retrofit/quote')
      .set('Authorization', clerk)
      .send({
        district: 'jingkai',
        userType: 'non-residential-lpg',
        items: { valve: false, hoseLengthM: 1 },
      });
    assert.equal(selfFunded.status, 409);
    assert.match(selfFunded.body.error.message, /^userType: non-residential users buy and pay .* themselves/);
  });

  it('a case without a tender price waits for district finance; setting the price wakes it and it settles within a minute', async function () {
    const waitingDistrict = 'guancheng' as const;
    await clearTenderPrices(db, waitingDistrict);
    await ensureTeams(createPostgresAdapters(db), waitingDistrict);
    const { url } = await startCase(waitingDistrict);
    const installer = await bearer({
      sub: 'fitter-gc',
      dept: 'installer',
      district: 'city',
      roles: ['installer'],
    });
    assert.equal(
      (
        await request(app)
          .post(`${url}/actions/report-installation`)
          .set('Authorization', installer)
          .send({ serials: { valve: 'V-1', hose: 'H-1' } })
      ).status,
      200,
    );
    await readUntil(url, 'acceptance', cityClerk);
    await request(app)
      .post(`${url}/actions/acceptance`)
      .set('Authorization', await cityClerk())
      .send({ result: 'pass' });
    const waiting = (await readUntil(url, 'awaiting-tender-price', cityClerk, 100, (c) => !!c.openTask)) as {
      tenderWait?: { missing: string[] };
      openTask?: { kind: string; department: string };
    };
    assert.deepEqual(waiting.tenderWait?.missing, ['valve', 'hose']);
    assert.deepEqual(
      [waiting.openTask?.kind, waiting.openTask?.department],
      ['tender-price', 'district-finance'],
    );
    const financeTasks = await request(app)
      .get('/v1/tasks')
      .set(
        'Authorization',
        await bearer({ dept: 'district-finance', district: waitingDistrict, roles: ['finance'] }),
      );
    assert.ok(financeTasks.body.tasks.some((t: { kind: string }) => t.kind === 'tender-price'));

    const set = await request(app)
      .put(`/v1/gas-retrofit/tender-prices/${waitingDistrict}`)
      .set(
        'Authorization',
        await bearer({ dept: 'district-finance', district: waitingDistrict, roles: ['finance'] }),
      )
      .send({ tenderRef: 'GC-2026-07', prices: { valve: 11_400, hose: 10_800 } });
    assert.equal(set.status, 200, JSON.stringify(set.body));
    assert.match(set.body.wakeUpJobId, /^wake:tender-prices-set:guancheng:/);
    // Nobody touches the case: the batch job's signal wakes it, and it settles at the new price.
    const closed = (await readUntil(url, 'closed', cityClerk, 600)) as { settlement?: { totalFen: number } };
    assert.equal(closed.settlement?.totalFen, 11_400 + 10_800);
  });
});
