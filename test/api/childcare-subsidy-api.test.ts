import assert from 'node:assert/strict';
import { Client, Connection } from '@temporalio/client';
import type { Express } from 'express';
import request from 'supertest';
import { createPostgresAdapters, type Adapters } from '../../activities/adapters';
import type { Db } from '../../activities/db/connection';
import { bearer, testApp } from '../helpers/api';
import { subsidyApplication } from '../helpers/childcare';
import { openTestDb } from '../helpers/database';

describe('childcare subsidy check and price ceilings through the API (real Postgres)', function () {
  let db: Db;
  let app: Express;
  let adapters: Adapters;
  // A year of its own per run, so runs sharing a database never see each other's ceilings.
  const year = 2040 + (process.pid % 40);
  const ceilingUrl = `/v1/childcare/price-ceilings/jinshui/${year}`;
  /** The city's market regulation publishes every area's ceiling (统一发布). */
  const marketSupervisor = () =>
    bearer({ sub: 'mr-sup', dept: 'market-regulation', district: 'city', roles: ['supervisor'] });
  const healthClerk = (district: 'jinshui' | 'erqi' = 'jinshui') =>
    bearer({ sub: `hc-${district}`, dept: 'health-commission', district, roles: ['clerk'] });

  before(function () {
    db = openTestDb();
    adapters = createPostgresAdapters(db);
    // Nothing here needs Temporal; the client points nowhere.
    app = testApp(new Client({ connection: Connection.lazy({ address: '127.0.0.1:1' }) }), db, 'unused');
  });
  after(async function () {
    await db('market_regulation.childcare_price_ceilings').where({ year }).delete();
    await db?.destroy();
  });

  it('without a published ceiling the price rule refuses, naming it; once published the application is eligible', async function () {
    const body = { ...subsidyApplication(101), year };
    const before = await request(app)
      .post('/v1/childcare/subsidy-check')
      .set('Authorization', await healthClerk())
      .send(body);
    assert.equal(before.status, 200, JSON.stringify(before.body));
    assert.equal(before.body.eligible, false);
    assert.equal(before.body.amountFen, null);
    const price = (before.body.rules as Array<{ rule: string; passed: boolean; detail: string }>).find(
      (r) => r.rule === 'price-under-ceiling',
    );
    assert.equal(price?.passed, false);
    assert.match(price.detail, /no price ceiling/);

    assert.equal(
      (
        await request(app)
          .get(ceilingUrl)
          .set('Authorization', await healthClerk())
      ).status,
      404,
    );
    const published = await request(app)
      .put(ceilingUrl)
      .set('Authorization', await marketSupervisor())
      .send({ ceilingFen: 180_000 });
    assert.equal(published.status, 200, JSON.stringify(published.body));
    assert.equal(published.body.ceilingFen, 180_000);
    assert.equal(published.body.publishedBy, 'mr-sup');

    const after = await request(app)
      .post('/v1/childcare/subsidy-check')
      .set('Authorization', await healthClerk())
      .send(body);
    assert.equal(after.body.eligible, true, JSON.stringify(after.body.rules));
    // 30 slots × ¥10,000 = ¥300,000 against 60% of ¥800,000 = ¥480,000: the lower applies.
    assert.equal(after.body.amountFen, 30_000_000);
    assert.deepEqual(after.body.amount, {
      perSlotFen: 30_000_000,
      investmentShareFen: 48_000_000,
      applied: 'per-slot',
      rule: 'lower-of-the-two',
    });
    // A fen over the ceiling is refused.
    const dearer = await request(app)
      .post('/v1/childcare/subsidy-check')
      .set('Authorization', await healthClerk())
      .send({ ...body, facts: { ...body.facts, monthlyPriceFen: 180_001 } });
    assert.equal(dearer.body.eligible, false);
  });

  it('a blacklisted staff member and an adverse credit record each refuse, by rule; staff are not echoed', async function () {
    const body = { ...subsidyApplication(102), year };
    await adapters.marketRegulation.publishChildcarePriceCeiling({
      district: 'jinshui',
      year,
      ceilingFen: 200_000,
      publishedBy: 't',
    });
    await adapters.creditPlatform.blacklistStaff(body.staff[1]!.certificateNumber, 'test: barred');
    await adapters.creditPlatform.recordProviderFinding(body.provider.creditCode, 'test: fined', true);
    const res = await request(app)
      .post('/v1/childcare/subsidy-check')
      .set('Authorization', await healthClerk())
      .send(body);
    assert.equal(res.body.eligible, false);
    const failed = (res.body.rules as Array<{ rule: string; passed: boolean }>)
      .filter((r) => !r.passed)
      .map((r) => r.rule);
    assert.deepEqual(failed, ['no-blacklisted-staff', 'clean-credit-record']);
    assert.doesNotMatch(JSON.stringify(res.body), /李保育|BY-102/);
  });

  it('refuses a bad credit code at the door, naming the field and the rule', async function () {
    const body = subsidyApplication(103);
    const res = await request(app)
      .post('/v1/childcare/subsidy-check')
      .set('Authorization', await healthClerk())
      .send({
        ...body,
        provider: { ...body.provider, creditCode: `${body.provider.creditCode.slice(0, 17)}Z` },
      });
    assert.equal(res.status, 400);
    assert.deepEqual(res.body.error.problems, [
      {
        field: 'provider.creditCode',
        rule: 'must use only digits and the letters A-H, J-N, P-R, T, U, W, X, Y (no I, O, S, V, Z)',
      },
    ]);
  });

  it('only the health commission checks, only the city’s market regulation publishes; another district is out of reach', async function () {
    const body = subsidyApplication(104);
    const gasClerk = await bearer();
    assert.equal(
      (await request(app).post('/v1/childcare/subsidy-check').set('Authorization', gasClerk).send(body))
        .status,
      403,
    );
    assert.equal(
      (
        await request(app)
          .post('/v1/childcare/subsidy-check')
          .set('Authorization', await healthClerk('erqi'))
          .send(body)
      ).status,
      403,
    );
    assert.equal(
      (
        await request(app)
          .put(ceilingUrl)
          .set('Authorization', await healthClerk())
          .send({ ceilingFen: 1 })
      ).status,
      403,
    );
    const erqiSupervisor = await bearer({
      sub: 'mr-eq',
      dept: 'market-regulation',
      district: 'erqi',
      roles: ['supervisor'],
    });
    assert.equal(
      (await request(app).put(ceilingUrl).set('Authorization', erqiSupervisor).send({ ceilingFen: 1 }))
        .status,
      403,
    );
    // Centrally published: not even the district's own market-regulation office sets its ceiling.
    const jinshuiSupervisor = await bearer({
      sub: 'mr-js',
      dept: 'market-regulation',
      district: 'jinshui',
      roles: ['supervisor'],
    });
    const own = await request(app)
      .put(ceilingUrl)
      .set('Authorization', jinshuiSupervisor)
      .send({ ceilingFen: 1 });
    assert.equal(own.status, 403);
    assert.match(own.body.error.message, /published centrally/);
  });
});
