/**
 * 亲清在线 through the API on a real dev server and real PostgreSQL: the catalogue kept by each policy's issuer,
 * a 免申即享 round that finds an enterprise and a case it confirms, an application; need to know throughout.
 */
import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { openBrowser } from '../e2e/web-ui/supervisor-browser';
import { bearer } from '../helpers/api';
import { useLiveApi, waitForCase } from '../helpers/live-api';
import { eligibleEnterprise, rdTerms } from '../workflows/policy-payout-helpers';

const YEAR = new Date().getUTCFullYear();
const ACCOUNT = { bank: '中原银行郑州高新区支行', accountNumber: '411000123456789' };

describe('policy payout through the API (real dev server, real Postgres)', function () {
  this.timeout(120_000);
  const live = useLiveApi('policy');
  const issuer = (
    dept: 'science-technology' | 'commerce' = 'science-technology',
    role = 'supervisor' as const,
  ) => bearer({ sub: `${dept}-${role}`, dept, district: 'city', roles: [role] });
  const enterprise = (creditCode: string, district: 'gaoxin' | 'erqi' = 'gaoxin') =>
    bearer({
      sub: `legal-${creditCode}`,
      dept: 'enterprise',
      district,
      roles: ['legal-person'],
      org: creditCode,
    });
  const put = async (policyId: string, terms: object, auth?: string) =>
    request(live.app)
      .put(`/v1/policies/${policyId}`)
      .set('Authorization', auth ?? (await issuer()))
      .send(terms);

  it('keeps the catalogue: only the issuer’s supervisors save, each save a version, audited; rules checked on save', async function () {
    const terms = rdTerms({ budgets: { [YEAR]: 50_000_000 } });
    const first = await put('st-rd-catalogue', terms);
    assert.equal(first.status, 201, JSON.stringify(first.body));
    assert.equal(first.body.version, 1);
    const second = await put('st-rd-catalogue', {
      ...terms,
      title: '高新技术企业研发费用后补助（2026 修订）',
    });
    assert.equal(second.status, 200);
    assert.equal(second.body.version, 2);
    const v1 = await request(live.app)
      .get('/v1/policies/st-rd-catalogue?version=1')
      .set('Authorization', await enterprise('91410100MA0000001X'));
    assert.equal(v1.body.terms.title, terms.title, 'policies are public: an enterprise reads them');

    assert.equal((await put('st-rd-catalogue', terms, await issuer('commerce'))).status, 403);
    assert.equal(
      (await put('st-rd-catalogue', terms, await issuer('science-technology', 'clerk' as never))).status,
      403,
    );
    const moved = await put(
      'st-rd-catalogue',
      { ...terms, issuer: { department: 'commerce', area: 'city' } },
      await issuer('commerce'),
    );
    assert.equal(moved.status, 409, 'a policy’s issuer never changes');
    const badRule = await put('st-rd-bad', {
      ...terms,
      eligibility: [{ name: '法人年龄', logic: { '>': [{ var: 'legalPerson.age' }, 18] } }],
    });
    assert.equal(badRule.status, 400);
    assert.match(JSON.stringify(badRule.body.error.problems), /eligibility\.0\.logic.*names no fact/);
    const audit = await live.db('onething.audit_log').where({ action: 'policy:save' });
    assert.ok(audit.length >= 2);
  });

  it('免申即享: a round finds the enterprise; it reads and confirms its own case only; others see its account masked', async function () {
    const creditCode = await eligibleEnterprise(live.adapters, YEAR);
    const other = await eligibleEnterprise(live.adapters, YEAR);
    assert.equal((await put('st-rd-round', rdTerms({ budgets: { [YEAR]: 500_000_000 } }))).status, 201);
    const rounds = await request(live.app)
      .post('/v1/policies/st-rd-round/rounds')
      .set('Authorization', await issuer())
      .send({});
    assert.equal(rounds.status, 201, JSON.stringify(rounds.body));
    assert.deepEqual(
      rounds.body.rounds.map((r: { district: string }) => r.district),
      ['gaoxin'],
    );
    const paused = await request(live.app)
      .post('/v1/policies/st-rd-round/rounds/gaoxin/actions/pause')
      .set('Authorization', await issuer('commerce'))
      .send({});
    assert.equal(paused.status, 403, 'only the policy’s issuer pauses its round');

    const url = `/v1/policy-payouts/${encodeURIComponent(`policy:gaoxin:st-rd-round-${YEAR}-${creditCode}`)}`;
    const own = await enterprise(creditCode);
    await waitForCase(live.app, url, own, (s) => s.stage === 'awaiting-confirmation' && !s.workingOn);
    assert.equal(
      (
        await request(live.app)
          .get(url)
          .set('Authorization', await enterprise(other))
      ).status,
      403,
    );
    assert.equal(
      (
        await request(live.app)
          .get(url)
          .set('Authorization', await issuer('commerce'))
      ).status,
      403,
    );
    const foreign = await request(live.app)
      .post(`${url}/actions/confirm`)
      .set('Authorization', await enterprise(other))
      .send({ account: ACCOUNT });
    assert.equal(foreign.status, 403);
    const confirmed = await request(live.app)
      .post(`${url}/actions/confirm`)
      .set('Authorization', own)
      .send({ account: ACCOUNT });
    assert.equal(confirmed.status, 200, JSON.stringify(confirmed.body));
    const seenByIssuer = await waitForCase(live.app, url, await issuer(), (s) => s.stage === 'public-notice');
    assert.deepEqual(seenByIssuer.account, { bank: ACCOUNT.bank, accountNumber: '****6789' });
    const seenByItself = await request(live.app).get(url).set('Authorization', own);
    assert.equal(seenByItself.body.account.accountNumber, ACCOUNT.accountNumber);
  });

  it('application: the enterprise applies once per policy and year, in its own district, with every material', async function () {
    const creditCode = await eligibleEnterprise(live.adapters, YEAR);
    assert.equal(
      (
        await put(
          'st-rd-apply',
          rdTerms({ mode: 'application', review: 'department', budgets: { [YEAR]: 500_000_000 } }),
        )
      ).status,
      201,
    );
    const own = await enterprise(creditCode);
    const body = {
      policyId: 'st-rd-apply',
      district: 'gaoxin',
      materials: rdTerms().materials,
      account: ACCOUNT,
    };
    const missing = await request(live.app)
      .post('/v1/policy-payouts')
      .set('Authorization', own)
      .send({ ...body, materials: ['高新技术企业证书'] });
    assert.equal(missing.status, 422);
    assert.match(missing.body.error.message, /materials: must include 研发费用专项审计报告/);
    const elsewhere = await request(live.app)
      .post('/v1/policy-payouts')
      .set('Authorization', await enterprise(creditCode, 'erqi'))
      .send({ ...body, district: 'erqi' });
    assert.equal(elsewhere.status, 422, 'the policy serves gaoxin only');
    const started = await request(live.app).post('/v1/policy-payouts').set('Authorization', own).send(body);
    assert.equal(started.status, 201, JSON.stringify(started.body));
    const again = await request(live.app).post('/v1/policy-payouts').set('Authorization', own).send(body);
    assert.equal(again.status, 200);
    const clerk = await issuer('science-technology', 'clerk' as never);
    const checking = await waitForCase(live.app, started.headers.location!, clerk, (s) => !!s.openTask);
    assert.equal((checking.openTask as { department: string }).department, 'science-technology');
    const staffStart = await request(live.app)
      .post('/v1/policy-payouts')
      .set('Authorization', clerk)
      .send(body);
    assert.equal(staffStart.status, 403, 'an enterprise applies for itself');
  });

  it('reports what the policies paid this year, per policy against its budget and per area, drawn to scale in a browser', async function () {
    const [a, b, c] = [
      await eligibleEnterprise(live.adapters, YEAR),
      await eligibleEnterprise(live.adapters, YEAR),
      await eligibleEnterprise(live.adapters, YEAR, { district: 'jinshui' }),
    ];
    assert.equal((await put('st-report-big', rdTerms({ budgets: { [YEAR]: 90_000_000 } }))).status, 201);
    assert.equal(
      (await put('st-report-small', rdTerms({ title: '科技小额奖励', budgets: { [YEAR]: 10_000_000 } })))
        .status,
      201,
    );
    // Finance's record of three payments (what the report reads), as the policy funds book them.
    const pay = (policyId: string, creditCode: string, district: 'gaoxin' | 'jinshui', amountFen: number) =>
      live.adapters.policyFunds.pay({
        idempotencyKey: `report-${policyId}-${creditCode}`,
        caseId: `policy:${district}:${policyId}-${YEAR}-${creditCode}`,
        policyId,
        year: YEAR,
        budgetYear: YEAR,
        creditCode,
        district,
        amountFen,
        whenBudgetRunsOut: 'first-come',
        paidBy: 'city-finance',
        issuerDepartment: 'science-technology',
      });
    await pay('st-report-big', a, 'gaoxin', 40_000_000);
    await pay('st-report-big', c, 'jinshui', 20_000_000);
    await pay('st-report-small', b, 'gaoxin', 5_000_000);

    const supervisor = await issuer();
    const report = await request(live.app)
      .get(`/v1/policy-reports/paid?year=${YEAR}`)
      .set('Authorization', supervisor);
    assert.equal(report.status, 200, JSON.stringify(report.body));
    const big = report.body.policies.find((p: { policyId: string }) => p.policyId === 'st-report-big');
    assert.deepEqual(big, {
      policyId: 'st-report-big',
      title: '高新技术企业研发费用后补助',
      issuer: 'science-technology',
      payments: 2,
      paidFen: 60_000_000,
      budgetFen: 90_000_000,
    });
    const byDistrict = Object.fromEntries(
      report.body.districts.map((d: { district: string; paidFen: number }) => [d.district, d.paidFen]),
    );
    assert.ok(byDistrict.gaoxin >= 45_000_000 && byDistrict.jinshui >= 20_000_000);
    assert.equal(
      (
        await request(live.app)
          .get('/v1/policy-reports/paid')
          .set('Authorization', await enterprise(a))
      ).status,
      403,
    );

    const server: Server = live.app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as AddressInfo;
    const browser = await openBrowser();
    try {
      await browser.page.setExtraHTTPHeaders({ Authorization: supervisor });
      const answer = await browser.page.goto(
        `http://127.0.0.1:${port}/v1/policy-reports/paid.svg?year=${YEAR}`,
      );
      assert.equal(answer?.status(), 200);
      assert.match(answer?.headers()['content-type'] ?? '', /image\/svg\+xml/);
      const bar = (policyId: string, kind: 'paid' | 'budget') =>
        browser.page.locator(`g.policy[data-policy="${policyId}"] rect.${kind}`);
      const width = async (policyId: string, kind: 'paid' | 'budget') =>
        (await bar(policyId, kind).boundingBox())!.width;
      const paidBig = await width('st-report-big', 'paid');
      assert.ok(
        Math.abs(paidBig / (await width('st-report-small', 'paid')) - 12) < 0.5,
        'paid drawn to scale: 60 against 5',
      );
      assert.ok(
        Math.abs((await width('st-report-big', 'budget')) / paidBig - 1.5) < 0.05,
        'the budget outline: 90 against 60',
      );
      assert.match(
        (await browser.page.locator('g.policy[data-policy="st-report-big"] text').last().textContent()) ?? '',
        /60\.00 万元/,
      );
      assert.ok((await browser.page.locator('g.district').count()) >= 2);
    } finally {
      await browser.close();
      server.close();
    }
  });
});
