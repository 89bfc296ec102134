/**
 * Bad input at every endpoint that takes a body: table-driven cases and fast-check-generated corruptions of a
 * valid body. Each gets a 4xx naming the field and the rule; no workflow starts (the app's Temporal client points
 * nowhere, so an attempt would surface as 503), no row is written or changed, nothing sent is echoed back.
 */
import assert from 'node:assert/strict';
import { Client, Connection } from '@temporalio/client';
import type { Express } from 'express';
import fc from 'fast-check';
import request from 'supertest';
import type { Db } from '../../activities/db/connection';
import { interactiveRetries } from '../../platform/temporal';
import { bearer, testApp } from '../helpers/api';
import { subsidyApplication } from '../helpers/childcare';
import { openTestDb } from '../helpers/database';
import { exampleCreditCode } from '../../processes/policy-payout/demo-enterprises';
import { rdTerms } from '../workflows/policy-payout-helpers';

const MARKER = '王秘密13912345678';
const BAD_INPUT_ENTERPRISE = exampleCreditCode(990_001);
const ENTERPRISE: Target['claims'] = {
  sub: 'legal-bad-input',
  dept: 'enterprise',
  district: 'gaoxin',
  roles: ['legal-person'],
  org: BAD_INPUT_ENTERPRISE,
};
const UNKNOWN_CASE = encodeURIComponent('gas-retrofit:jinshui:JS-BADIN-01');

interface Target {
  name: string;
  method: 'post' | 'put';
  path: string;
  claims: Parameters<typeof bearer>[0];
  valid: () => Record<string, unknown>;
  /** Fields for which an empty list is a valid value (so the generator's `[]` is no corruption there). */
  mayBeEmpty?: readonly string[];
  /** Free-text fields for which a few hundred characters are a valid value (so a long text is no corruption). */
  mayBeLong?: readonly string[];
  /** Lists of free text (materials' names), for which a list of one text is a valid value (so no wrong type). */
  textLists?: readonly string[];
}

const TARGETS: Target[] = [
  {
    name: 'start a household case',
    method: 'post',
    path: '/v1/gas-retrofit/households',
    claims: {},
    valid: () => ({
      district: 'jinshui',
      accountRef: 'JS-BADIN-01',
      userType: 'residential-pipeline',
      channel: 'window',
      items: { valve: true, hoseLengthM: 2 },
      contact: {
        name: '张三',
        phone: '13800000000',
        address: '金水区示例路 1 号',
        idNumber: '41010519900307123X',
      },
    }),
  },
  {
    name: 'set tender prices',
    method: 'put',
    path: '/v1/gas-retrofit/tender-prices/jinshui',
    claims: { sub: 'fin-1', dept: 'district-finance', roles: ['finance'] },
    valid: () => ({ tenderRef: 'ZZ-2026-01', prices: { valve: 7800, hose: 3900 } }),
  },
  {
    name: 'quote',
    method: 'post',
    path: '/v1/gas-retrofit/quote',
    claims: {},
    valid: () => ({
      district: 'jinshui',
      userType: 'residential-pipeline',
      items: { valve: true, hoseLengthM: 2 },
    }),
  },
  {
    name: 'start a campaign',
    method: 'post',
    path: '/v1/gas-retrofit/campaigns',
    claims: { sub: 'sup-1', dept: 'gas-safety-office', district: 'city', roles: ['supervisor'] },
    valid: () => ({ district: 'jinshui', campaignId: 'bad-input-1' }),
  },
  {
    name: 'load a calendar year',
    method: 'put',
    path: '/v1/calendar/years/2099',
    claims: { sub: 'sup-cal', dept: 'big-data-bureau', district: 'city', roles: ['supervisor'] },
    valid: () => ({ holidays: ['2099-01-01'], makeUpWorkdays: ['2099-01-03'] }),
    mayBeEmpty: ['makeUpWorkdays'],
  },
  {
    name: 'report an installation',
    method: 'post',
    path: `/v1/gas-retrofit/households/${UNKNOWN_CASE}/actions/report-installation`,
    claims: { sub: 'fitter-1', dept: 'installer', roles: ['installer'] },
    valid: () => ({ serials: { valve: 'ZV-1', hose: 'MH-1' } }),
  },
  {
    name: 'check a childcare subsidy application',
    method: 'post',
    path: '/v1/childcare/subsidy-check',
    claims: { sub: 'hc-1', dept: 'health-commission', roles: ['clerk'] },
    valid: () => subsidyApplication(9),
  },
  {
    name: 'start a childcare application',
    method: 'post',
    path: '/v1/childcare/applications',
    claims: { sub: 'hc-1', dept: 'health-commission', roles: ['clerk'] },
    valid: () => subsidyApplication(11),
  },
  {
    name: 'record a childcare site inspection',
    method: 'post',
    path: `/v1/childcare/applications/${encodeURIComponent('childcare:jinshui:91350100M000100Y43-0123456789ab')}/actions/inspection`,
    claims: { sub: 'hc-insp', dept: 'health-commission', roles: ['inspector'] },
    valid: () => ({ result: 'pass', photosRef: 'P-1' }),
  },
  {
    name: 'take in a petition',
    method: 'post',
    path: '/v1/petitions',
    claims: { sub: 'po-1', dept: 'petition-office', roles: ['clerk'] },
    valid: () => ({
      petitionRef: 'BADIN-0001',
      channel: 'app',
      category: 'traffic',
      kind: 'complaint',
      district: 'jinshui',
      location: '金水区某路口',
      text: '红绿灯时长不合理',
      contact: { name: '张三', phone: '13800000000' },
    }),
    mayBeLong: ['text'],
  },
  {
    name: 'record the press desk’s follow-up call',
    method: 'post',
    path: `/v1/petitions/${encodeURIComponent('petition:jinshui:BADIN-PRESS')}/actions/press-follow-up`,
    claims: { sub: 'gg-1', dept: 'public-supervision', district: 'city', roles: ['reporter'] },
    valid: () => ({ answer: 'will-handle', account: '记者致电承办部门，答复三日内办结。' }),
    mayBeLong: ['account'],
  },
  {
    name: 'route a petition category',
    method: 'put',
    path: '/v1/petitions/routes/jinshui/traffic',
    claims: { sub: 'po-sup', dept: 'petition-office', district: 'city', roles: ['supervisor'] },
    valid: () => ({ department: 'traffic-police' }),
  },
  {
    name: 'publish a childcare price ceiling',
    method: 'put',
    path: '/v1/childcare/price-ceilings/jinshui/2099',
    claims: { sub: 'mr-1', dept: 'market-regulation', district: 'city', roles: ['supervisor'] },
    valid: () => ({ ceilingFen: 150_000 }),
  },
  {
    name: 'save a policy in the catalogue',
    method: 'put',
    path: '/v1/policies/bad-input-policy',
    claims: { sub: 'st-sup', dept: 'science-technology', district: 'city', roles: ['supervisor'] },
    valid: () => rdTerms({ budgets: { '2026': 1_000_000 } }) as unknown as Record<string, unknown>,
    mayBeEmpty: ['materials'],
    textLists: ['materials'],
  },
  {
    name: 'start a policy’s 免申即享 rounds',
    method: 'post',
    path: '/v1/policies/bad-input-policy/rounds',
    claims: { sub: 'st-sup', dept: 'science-technology', district: 'city', roles: ['supervisor'] },
    valid: () => ({ perMinute: 600, pageSize: 100 }),
  },
  {
    name: 'apply for a policy (an enterprise)',
    method: 'post',
    path: '/v1/policy-payouts',
    claims: ENTERPRISE,
    valid: () => ({
      policyId: 'bad-input-policy',
      district: 'gaoxin',
      materials: ['高新技术企业证书'],
      account: { bank: '中原银行郑州高新区支行', accountNumber: '411000123456789' },
    }),
    textLists: ['materials'],
  },
  {
    name: 'confirm a 免申即享 offer (an enterprise)',
    method: 'post',
    path: `/v1/policy-payouts/${encodeURIComponent(`policy:gaoxin:bad-input-policy-2026-${BAD_INPUT_ENTERPRISE}`)}/actions/confirm`,
    claims: ENTERPRISE,
    valid: () => ({ account: { bank: '中原银行郑州高新区支行', accountNumber: '411000123456789' } }),
  },
];

/** Ways to break a valid body, each with the field the answer must name. */
const CORRUPTIONS: Array<{
  name: string;
  apply: (body: Record<string, unknown>, key: string) => unknown;
  fieldIs: 'key' | 'extra';
}> = [
  { name: 'an unknown field', apply: (body) => ({ ...body, [`x${MARKER}`]: MARKER }), fieldIs: 'extra' },
  { name: 'a wrong type', apply: (body, key) => ({ ...body, [key]: [MARKER] }), fieldIs: 'key' },
  { name: 'a negative number', apply: (body, key) => ({ ...body, [key]: -1.5 }), fieldIs: 'key' },
  {
    name: 'an out-of-range text',
    apply: (body, key) => ({ ...body, [key]: MARKER.repeat(40) }),
    fieldIs: 'key',
  },
  { name: 'null', apply: (body, key) => ({ ...body, [key]: null }), fieldIs: 'key' },
];

/** Every table a body-taking endpoint can write to, directly or through a case it starts. */
const WRITABLE_TABLES = [
  'gas_company.service_contacts',
  'district_finance.tender_prices',
  'onething.cases',
  'onething.tasks',
  'installer.bookings',
  'city_finance.ledger',
  'onething.calendar_years',
  'market_regulation.childcare_price_ceilings',
  'health_commission.application_staff',
  'petition_office.petitions',
  'petition_office.routes',
  'public_supervision.follow_up_calls',
  'public_supervision.published_outcomes',
];

/** Each table's row count and a digest of its rows: an update on refused input changes it as an insert does. */
async function tableDigests(db: Db): Promise<Record<string, string>> {
  const digests: Record<string, string> = {};
  for (const table of WRITABLE_TABLES) {
    const { rows } = await db.raw<{ rows: Array<{ n: string; digest: string }> }>(
      `SELECT count(*) AS n, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS digest FROM ${table} t`,
    );
    digests[table] = `${rows[0]!.n} rows, ${rows[0]!.digest}`;
  }
  return digests;
}

describe('bad input at every endpoint: 4xx naming field and rule, nothing started, written or echoed', function () {
  let db: Db;
  let app: Express;
  let tablesBefore: Record<string, string>;

  before(function () {
    db = openTestDb();
    const nowhere = Connection.lazy({
      address: '127.0.0.1:1',
      connectTimeout: 300,
      interceptors: interactiveRetries(),
    });
    app = testApp(new Client({ connection: nowhere }), db, 'nowhere');
  });
  beforeEach(async function () {
    tablesBefore = await tableDigests(db);
  });
  afterEach(async function () {
    // Refused input leaves no trace in any department's tables (the audit log of refusals aside).
    if (this.currentTest?.state === 'passed') assert.deepEqual(await tableDigests(db), tablesBefore);
  });
  after(() => db?.destroy());

  async function send(target: Target, body: unknown) {
    const agent = request(app);
    const call = target.method === 'put' ? agent.put(target.path) : agent.post(target.path);
    return call.set('Authorization', await bearer(target.claims)).send(body as object);
  }

  function assertRefused(res: request.Response, what: string) {
    assert.ok([400, 413, 415].includes(res.status), `${what}: ${res.status} ${JSON.stringify(res.body)}`);
    const problems = (res.body.error?.problems ?? []) as Array<{ field: string; rule: string }>;
    assert.ok(
      problems.length > 0 && problems.every((p) => p.field && p.rule),
      `${what}: names field and rule`,
    );
    assert.ok(!JSON.stringify(res.body).includes('13912345678'), `${what}: echoes what was sent`);
  }

  for (const target of TARGETS) {
    describe(target.name, function () {
      for (const corruption of CORRUPTIONS) {
        it(`refuses ${corruption.name} in each field`, async function () {
          for (const key of Object.keys(target.valid())) {
            if (corruption.name === 'an out-of-range text' && target.mayBeLong?.includes(key)) continue;
            if (corruption.name === 'a wrong type' && target.textLists?.includes(key)) continue;
            const res = await send(target, corruption.apply(target.valid(), key));
            assertRefused(res, `${key} ← ${corruption.name}`);
            const named = res.body.error.problems.map((p: { field: string }) => p.field).join(' ');
            assert.ok(
              corruption.fieldIs === 'extra'
                ? named.includes('(a field whose name is not shown)')
                : named.includes(key),
              `${key} ← ${corruption.name}: named ${named}`,
            );
          }
        });
      }

      it('refuses generated corruptions (fast-check)', async function () {
        await fc.assert(
          fc.asyncProperty(
            fc.constantFrom(...Object.keys(target.valid())),
            fc.oneof(
              fc.integer({ max: -1 }),
              fc.double({ noInteger: true }),
              fc.boolean(),
              fc.constant([]),
              fc.string({ minLength: 300 }),
            ),
            async (key, value) => {
              fc.pre(!(Array.isArray(value) && target.mayBeEmpty?.includes(key)));
              fc.pre(!(typeof value === 'string' && target.mayBeLong?.includes(key)));
              const res = await send(target, { ...target.valid(), [key]: value });
              assertRefused(res, `${key} ← ${JSON.stringify(value).slice(0, 40)}`);
            },
          ),
          { numRuns: 25 },
        );
      });
    });
  }

  it('a business key holding a mobile or ID number is refused: it would stand unencrypted in the workflow ID', async function () {
    const household = TARGETS.find((t) => t.path === '/v1/gas-retrofit/households')!;
    const petition = TARGETS.find((t) => t.path === '/v1/petitions')!;
    // 11010519491231002X: a national ID number with a valid check character (the standard's own example).
    for (const [target, field, key] of [
      [household, 'accountRef', '13912345678'],
      [household, 'accountRef', 'JS-13912345678'],
      [petition, 'petitionRef', '11010519491231002X'],
      [petition, 'petitionRef', 'APP-13912345678-1'],
    ] as const) {
      const res = await send(target, { ...target.valid(), [field]: key });
      assertRefused(res, `${field} ${key.length} characters`);
      assert.deepEqual(
        res.body.error.problems.map((p: { field: string; rule: string }) => [
          p.field,
          /mobile or ID number/.test(p.rule),
        ]),
        [[field, true]],
      );
      assert.ok(!JSON.stringify(res.body).includes('11010519491231002X'), 'the key is not echoed');
    }
  });

  it('malformed JSON is 400, an oversized body 413', async function () {
    const auth = await bearer();
    const malformed = await request(app)
      .post('/v1/gas-retrofit/households')
      .set('Authorization', auth)
      .set('Content-Type', 'application/json')
      .send(`{"contact": {"phone": "13912345678"`);
    assertRefused(malformed, 'malformed');
    const huge = await request(app)
      .post('/v1/gas-retrofit/households')
      .set('Authorization', auth)
      .send({ ...TARGETS[0]!.valid(), padding: MARKER.repeat(4000) });
    assert.equal(huge.status, 413);
    assert.ok(!JSON.stringify(huge.body).includes('13912345678'));
  });
});
