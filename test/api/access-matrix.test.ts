/**
 * Who may do what: every endpoint × role × department × district, on real cases. An allowed caller sends a valid
 * request and gets the success code (a decision is taken on a real case at the stage it needs); a refused caller
 * gets 403 and nothing happens (no workflow under the ID, the case where it stood, the price unchanged). Every
 * 403 is in the audit log. And a user who floods the API is answered 429 while others carry on.
 */
import assert from 'node:assert/strict';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Express } from 'express';
import request from 'supertest';
import type { Claims } from '../../api/auth';
import { createPostgresAdapters, type Adapters } from '../../activities/adapters';
import { createDb, type Db } from '../../activities/db/connection';
import { migrateToLatest } from '../../activities/db/migrate';
import {
  gasRetrofitCampaignWorkflowId,
  gasRetrofitHouseholdWorkflowId,
  type GasRetrofitStage,
} from '../../processes/gas-retrofit/workflow/contract';
import { assertNeverStarted, bearer, householdStartBody, testApp } from '../helpers/api';
import { toPayloadsJson } from '../../api/codec/payloads-json';
import { siteKeyOf } from '../../processes/childcare/site-key';
import { childcareApplicationWorkflowId } from '../../processes/childcare/workflow/contract';
import { subsidyApplication } from '../helpers/childcare';
import { ApplicationDriver, prepareDepartments } from '../workflows/childcare-helpers';
import { PetitionDriver } from '../workflows/petition-helpers';
import {
  PETITION_CATEGORIES,
  petitionWorkflowId,
  type PetitionCategory,
} from '../../processes/petitions/workflow/contract';
import { beijingWeek } from '../../workflows/kit/beijing-week';
import { categoryShares } from '../../processes/petitions/workflow/weekly-index';

import { createScratchDatabase, uniqueAccountRef } from '../helpers/database';
import { runTestWorker, startDevServer, uniqueTaskQueue, type RunningTestWorker } from '../helpers/temporal';
import { actors, CaseDriver, ensureTeams } from '../workflows/gas-retrofit-helpers';
import { eligibleEnterprise, PayoutDriver, rdTerms } from '../workflows/policy-payout-helpers';
import { exampleCreditCode } from '../../processes/policy-payout/demo-enterprises';
import { RULE_LANGUAGE } from '../../processes/policy-payout/policy/rule-language';
import {
  policyPayoutWorkflowId,
  policyRoundWorkflowId,
} from '../../processes/policy-payout/workflow/contract';

/** A week whose petition index is stored before the matrix reads it. */
const INDEXED_WEEK = '2026-W40';
/** The serial of the matrix's enterprise (registered in gaoxin), whose token acts for its own credit code. */
const MATRIX_ENTERPRISE = 880_001;
const YEAR = new Date().getUTCFullYear();
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
  healthClerkJinshui: { sub: 'm-hc-js', dept: 'health-commission', district: 'jinshui', roles: ['clerk'] },
  marketSupervisorJinshui: {
    sub: 'm-mr-js',
    dept: 'market-regulation',
    district: 'jinshui',
    roles: ['supervisor'],
  },
  marketSupervisorCity: {
    sub: 'm-mr-city',
    dept: 'market-regulation',
    district: 'city',
    roles: ['supervisor'],
  },
  petitionClerkJinshui: { sub: 'm-po-js', dept: 'petition-office', district: 'jinshui', roles: ['clerk'] },
  petitionSupervisorJinshui: {
    sub: 'm-po-sup-js',
    dept: 'petition-office',
    district: 'jinshui',
    roles: ['supervisor'],
  },
  urbanClerkJinshui: { sub: 'm-um-js', dept: 'urban-management', district: 'jinshui', roles: ['clerk'] },
  pressDeskCity: { sub: 'm-gg', dept: 'public-supervision', district: 'city', roles: ['reporter'] },
  platformOperatorCity: {
    sub: 'm-bd-city',
    dept: 'big-data-bureau',
    district: 'city',
    roles: ['supervisor'],
  },
  platformOperatorJinshui: {
    sub: 'm-bd-js',
    dept: 'big-data-bureau',
    district: 'jinshui',
    roles: ['supervisor'],
  },
  scienceSupervisorCity: {
    sub: 'm-st-city',
    dept: 'science-technology',
    district: 'city',
    roles: ['supervisor'],
  },
  enterpriseGaoxin: {
    sub: 'm-ent-gx',
    dept: 'enterprise',
    district: 'gaoxin',
    roles: ['legal-person'],
    org: exampleCreditCode(MATRIX_ENTERPRISE),
  },
} satisfies Record<string, Profile>;
type ProfileName = keyof typeof PROFILES;
/** Every profile: what anyone signed in may read. */
const EVERYONE = Object.keys(PROFILES) as ProfileName[];

let counter = 0;
/** Every 403 the matrix met, each of which the audit log must hold. */
let refusedWith403 = 0;

/** Everyone with business on a Jinshui case: its district's staff and the city's. */
const CASE_READERS: readonly ProfileName[] = [
  'gasClerkJinshui',
  'installerJinshui',
  'gridWorkerJinshui',
  'financeJinshui',
  'supervisorCity',
  'auditorCity',
];

/**
 * Those who read this matrix's Jinshui petition (routed to urban management, awaiting its acceptance): the
 * petition office and the department holding it. Other handling departments and the press desk, which has not
 * taken it up, have no business with it.
 */
const PETITION_READERS: readonly ProfileName[] = [
  'petitionClerkJinshui',
  'urbanClerkJinshui',
  'petitionSupervisorJinshui',
];

/** Those who read the weekly index (figures, no petition's content): everyone whose work is petitions. */
const PETITION_INDEX_READERS: readonly ProfileName[] = [
  ...PETITION_READERS,
  'healthClerkJinshui',
  'marketSupervisorJinshui',
  'marketSupervisorCity',
  'pressDeskCity',
];

/** What one endpoint needs to be tried on: the suite's shared case, or something made fresh for one caller. */
interface Target {
  caseId: string;
  key: string;
}

interface Endpoint {
  name: string;
  allowed: readonly ProfileName[];
  success: 200 | 201;
  /** A fresh target for a caller whose request would change it; by default the suite's case. */
  prepare?: () => Promise<Target>;
  send(app: Express, auth: string, target: Target): PromiseLike<request.Response>;
  /** Checks, after a refusal, that nothing happened to the target. */
  untouched(target: Target): Promise<void>;
  /**
   * Whether the answer granted what was asked, where a status alone does not say (the codec server answers a
   * supervisor of another scope 200 with the ciphertext unchanged). By default: the success code.
   */
  granted?: (res: request.Response) => boolean;
}

/** Whether the codec server's answer holds the payload decoded (plain JSON) rather than ciphertext. */
const decodedIn = (res: request.Response): boolean =>
  res.status === 200 &&
  (res.body as { payloads: { metadata: { encoding: string } }[] }).payloads.every(
    (p) => Buffer.from(p.metadata.encoding, 'base64').toString() === 'json/plain',
  );

const J = 'jinshui' as const;

const petitionBody = (petitionRef: string) => ({
  petitionRef,
  channel: 'app',
  category: 'public-facilities',
  kind: 'help',
  district: J,
  location: '金水区某路口',
  text: '路灯不亮已经一周了',
  contact: { name: '测试市民', phone: '13900000000' },
});
const MATRIX_ACCOUNT = { bank: '中原银行郑州高新区支行', accountNumber: '411000123456789' };
/** A science-and-technology policy for gaoxin (免申即享 by default), with this year's budget. */
const matrixPolicy = (mode: 'automatic' | 'application' = 'automatic') =>
  rdTerms({ mode, review: 'department', materials: ['高新技术企业证书'], budgets: { [YEAR]: 100_000_000 } });
const caseUrl = (caseId: string) => `/v1/gas-retrofit/households/${encodeURIComponent(caseId)}`;

describe('access: the role × department × district × endpoint matrix, denials audited, 429 per user', function () {
  this.timeout(300_000);
  let env: TestWorkflowEnvironment;
  let db: Db;
  let adapters: Adapters;
  let worker: RunningTestWorker;
  let app: Express;
  let dropDatabase: () => Promise<void>;
  let shared: Target;
  let sharedApplication: Target;
  let sharedPetition: Target;
  let sharedPayout: Target;

  /** Starts a Jinshui case through the API, as its clerk would, and waits until it reaches the stage. */
  async function caseAt(stage: GasRetrofitStage): Promise<Target> {
    const accountRef = uniqueAccountRef('JS');
    await adapters.gasCompany.upsertAccounts([
      { accountRef, district: J, userType: 'residential-pipeline', status: 'active' },
    ]);
    const started = await request(app)
      .post('/v1/gas-retrofit/households')
      .set('Authorization', await bearer(PROFILES.gasClerkJinshui))
      .send(householdStartBody(accountRef));
    assert.equal(started.status, 201, JSON.stringify(started.body));
    const driver = new CaseDriver(env.client, started.body.caseId as string);
    await driver.waitForStage('installation-scheduled');
    if (stage === 'acceptance') {
      await driver.act('report-installation', {
        actor: actors.installer(J),
        serials: { valve: 'V', hose: 'H' },
      });
      await driver.waitForStage('acceptance');
    }
    return { caseId: driver.caseId, key: accountRef };
  }

  /** A Jinshui childcare application through the API, waiting for its completeness check. */
  async function applicationAt(): Promise<Target> {
    const body = subsidyApplication(700 + (counter += 1));
    const started = await request(app)
      .post('/v1/childcare/applications')
      .set('Authorization', await bearer(PROFILES.healthClerkJinshui))
      .send(body);
    assert.equal(started.status, 201, JSON.stringify(started.body));
    const driver = new ApplicationDriver(env.client, started.body.caseId as string);
    await driver.waitForStage('completeness-check', 20_000, (s) => s.openTask?.kind === 'completeness');
    return { caseId: driver.caseId, key: body.provider.creditCode };
  }

  /** A Jinshui petition about public facilities (routed to urban management), waiting for acceptance. */
  async function petitionAt(): Promise<Target> {
    const ref = `MATRIX-${process.pid}-${(counter += 1)}`;
    const started = await request(app)
      .post('/v1/petitions')
      .set('Authorization', await bearer(PROFILES.petitionClerkJinshui))
      .send(petitionBody(ref));
    assert.equal(started.status, 201, JSON.stringify(started.body));
    const driver = new PetitionDriver(env.client, started.body.caseId as string);
    await driver.waitForStage('awaiting-acceptance', 20_000, (s) => s.deadlines.acceptance !== undefined);
    return { caseId: driver.caseId, key: ref };
  }

  /** The codec server asked, as the Web UI asks it, to decode the input a real case was started with. */
  async function decodeRequest(app: Express, auth: string, caseId: string) {
    const history = await env.client.workflow.getHandle(caseId).fetchHistory();
    const input = history.events![0]!.workflowExecutionStartedEventAttributes!.input!.payloads!;
    return request(app)
      .post('/codec/decode')
      .set('X-Namespace', env.namespace ?? 'default')
      .set('Authorization', auth)
      .send(toPayloadsJson(input));
  }

  /** A refused decision leaves the case where it stood, with no decision recorded. */
  async function decisionUntouched(target: Target, stage: GasRetrofitStage, decisions: number) {
    const state = await new CaseDriver(env.client, target.caseId).state();
    assert.equal(state.stage, stage);
    assert.equal(state.decisions?.length ?? 0, decisions);
  }

  function decision(
    action: string,
    stage: 'installation-scheduled' | 'acceptance',
    allowed: readonly ProfileName[],
    body: object,
  ): Endpoint {
    const decisionsBefore = stage === 'acceptance' ? 1 : 0;
    return {
      name: `${action} on a jinshui case at ${stage}`,
      allowed,
      success: 200,
      prepare: () => caseAt(stage),
      send: (app, auth, target) =>
        request(app)
          .post(`${caseUrl(target.caseId)}/actions/${action}`)
          .set('Authorization', auth)
          .send(body),
      untouched: (target) => decisionUntouched(target, stage, decisionsBefore),
    };
  }

  /** The matrix's enterprise applies for a fresh science-and-technology policy, waiting for its completeness check. */
  async function payoutAt(): Promise<Target> {
    const key = `matrix-case-${(counter += 1)}`;
    await adapters.policyCatalogue.save(key, RULE_LANGUAGE, matrixPolicy('application'), 'matrix');
    const started = await request(app)
      .post('/v1/policy-payouts')
      .set('Authorization', await bearer(PROFILES.enterpriseGaoxin))
      .send({ policyId: key, district: 'gaoxin', materials: ['高新技术企业证书'], account: MATRIX_ACCOUNT });
    assert.equal(started.status, 201, JSON.stringify(started.body));
    const driver = new PayoutDriver(env.client, started.body.caseId as string);
    await driver.waitForStage('completeness-check', 20_000, (state) => !!state.openTask);
    return { caseId: driver.caseId, key };
  }

  const ENDPOINTS: Endpoint[] = [
    {
      name: 'start a jinshui case',
      allowed: ['gasClerkJinshui'],
      success: 201,
      prepare: () => Promise.resolve({ caseId: '', key: uniqueAccountRef('JS') }),
      send: (app, auth, target) =>
        request(app)
          .post('/v1/gas-retrofit/households')
          .set('Authorization', auth)
          .send(householdStartBody(target.key)),
      untouched: (target) => assertNeverStarted(env.client, gasRetrofitHouseholdWorkflowId(J, target.key)),
    },
    {
      name: 'read a jinshui case',
      allowed: CASE_READERS,
      success: 200,
      send: (app, auth, target) => request(app).get(caseUrl(target.caseId)).set('Authorization', auth),
      untouched: () => Promise.resolve(),
    },
    {
      name: "read a jinshui case's contact",
      allowed: ['gasClerkJinshui', 'installerJinshui', 'gridWorkerJinshui', 'supervisorCity', 'auditorCity'],
      success: 200,
      send: (app, auth, target) =>
        request(app)
          .get(`${caseUrl(target.caseId)}/contact`)
          .set('Authorization', auth),
      untouched: () => Promise.resolve(),
    },
    {
      name: "change a jinshui case's contact, with a reason (the gas company's clerks)",
      allowed: ['gasClerkJinshui'],
      success: 200,
      prepare: () => caseAt('installation-scheduled'),
      send: (app, auth, target) =>
        request(app)
          .put(`${caseUrl(target.caseId)}/contact`)
          .set('Authorization', auth)
          .send({
            contact: { ...householdStartBody('X').contact, phone: '13911112222' },
            reason: '住户更换电话',
          }),
      untouched: async (target) =>
        assert.equal(
          (await adapters.gasCompany.findServiceContact(target.caseId))?.phone,
          householdStartBody('X').contact.phone,
        ),
    },
    decision('reschedule', 'installation-scheduled', ['gasClerkJinshui'], {}),
    decision('record-miss', 'installation-scheduled', ['installerJinshui'], {}),
    decision('report-installation', 'installation-scheduled', ['installerJinshui'], {
      serials: { valve: 'V', hose: 'H' },
    }),
    decision('cancel', 'installation-scheduled', ['gasClerkJinshui'], { reason: 'resident-withdrew' }),
    decision('acceptance', 'acceptance', ['gasClerkJinshui'], { result: 'pass' }),
    {
      name: "set jinshui's tender prices",
      allowed: ['financeJinshui'],
      success: 200,
      prepare: () => Promise.resolve({ caseId: '', key: `ZZ-MATRIX-${(counter += 1)}` }),
      send: (app, auth, target) =>
        request(app)
          .put('/v1/gas-retrofit/tender-prices/jinshui')
          .set('Authorization', auth)
          .send({ tenderRef: target.key, prices: { valve: 11_000, hose: 11_000 } }),
      untouched: async (target) =>
        assert.notEqual((await adapters.districtFinance.currentTenderPrices(J)).tenderRef, target.key),
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
      success: 200,
      send: (app, auth) =>
        request(app).get('/v1/gas-retrofit/tender-prices/jinshui').set('Authorization', auth),
      untouched: () => Promise.resolve(),
    },
    {
      // Every petition and childcare deadline counts on it: the platform's operator alone, not any supervisor.
      name: 'load a calendar year (the city’s big-data bureau only)',
      allowed: ['platformOperatorCity'],
      success: 200,
      prepare: () => Promise.resolve({ caseId: '', key: String(2060 + (counter += 1)) }),
      send: (app, auth, target) =>
        request(app)
          .put(`/v1/calendar/years/${target.key}`)
          .set('Authorization', auth)
          .send({ holidays: [`${target.key}-01-01`], makeUpWorkdays: [] }),
      untouched: async (target) =>
        assert.equal(await adapters.calendar.scheduleFor(Number(target.key)), undefined),
    },
    {
      name: 'start a jinshui campaign',
      allowed: ['supervisorCity'],
      success: 201,
      prepare: () => Promise.resolve({ caseId: '', key: `matrix-${process.pid}-${(counter += 1)}` }),
      send: (app, auth, target) =>
        request(app)
          .post('/v1/gas-retrofit/campaigns')
          .set('Authorization', auth)
          .send({ district: J, campaignId: target.key }),
      untouched: (target) => assertNeverStarted(env.client, gasRetrofitCampaignWorkflowId(J, target.key)),
    },
    {
      name: 'start a jinshui childcare application',
      allowed: ['healthClerkJinshui'],
      success: 201,
      prepare: () => Promise.resolve({ caseId: '', key: String(800 + (counter += 1)) }),
      send: (app, auth, target) =>
        request(app)
          .post('/v1/childcare/applications')
          .set('Authorization', auth)
          .send(subsidyApplication(Number(target.key))),
      untouched: async (target) => {
        const { provider } = subsidyApplication(Number(target.key));
        await assertNeverStarted(
          env.client,
          childcareApplicationWorkflowId(J, provider.creditCode, siteKeyOf({ ...provider, district: J })),
        );
      },
    },
    {
      name: 'read a jinshui childcare application',
      allowed: [
        'financeJinshui',
        'auditorCity',
        'healthClerkJinshui',
        'marketSupervisorJinshui',
        'marketSupervisorCity',
      ],
      success: 200,
      send: (app, auth) =>
        request(app)
          .get(`/v1/childcare/applications/${encodeURIComponent(sharedApplication.caseId)}`)
          .set('Authorization', auth),
      untouched: () => Promise.resolve(),
    },
    {
      name: 'completeness on a jinshui childcare application',
      allowed: ['healthClerkJinshui'],
      success: 200,
      prepare: applicationAt,
      send: (app, auth, target) =>
        request(app)
          .post(`/v1/childcare/applications/${encodeURIComponent(target.caseId)}/actions/completeness`)
          .set('Authorization', auth)
          .send({ outcome: 'complete' }),
      untouched: async (target) => {
        const state = await new ApplicationDriver(env.client, target.caseId).state();
        assert.equal(state.stage, 'completeness-check');
        assert.equal(state.decisions?.length ?? 0, 0);
      },
    },
    {
      name: 'take in a jinshui petition',
      allowed: ['petitionClerkJinshui'],
      success: 201,
      prepare: () => Promise.resolve({ caseId: '', key: `MATRIX-NEW-${process.pid}-${(counter += 1)}` }),
      send: (app, auth, target) =>
        request(app).post('/v1/petitions').set('Authorization', auth).send(petitionBody(target.key)),
      untouched: (target) => assertNeverStarted(env.client, petitionWorkflowId(J, target.key)),
    },
    {
      name: 'read a jinshui petition (the petition office and the department holding it)',
      allowed: PETITION_READERS,
      success: 200,
      send: (app, auth) =>
        request(app)
          .get(`/v1/petitions/${encodeURIComponent(sharedPetition.caseId)}`)
          .set('Authorization', auth),
      untouched: () => Promise.resolve(),
    },
    {
      name: 'read a jinshui petition’s post (the petition office and the department holding it)',
      allowed: PETITION_READERS,
      success: 200,
      send: (app, auth) =>
        request(app)
          .get(`/v1/petitions/${encodeURIComponent(sharedPetition.caseId)}/post`)
          .set('Authorization', auth),
      untouched: () => Promise.resolve(),
    },
    {
      name: 'accept a jinshui petition (only the department holding it)',
      allowed: ['urbanClerkJinshui'],
      success: 200,
      prepare: petitionAt,
      send: (app, auth, target) =>
        request(app)
          .post(`/v1/petitions/${encodeURIComponent(target.caseId)}/actions/accept`)
          .set('Authorization', auth)
          .send({}),
      untouched: async (target) => {
        const state = await new PetitionDriver(env.client, target.caseId).state();
        assert.equal(state.stage, 'awaiting-acceptance');
        assert.equal(state.decisions?.length ?? 0, 0);
      },
    },
    {
      name: 'read a petition’s press-desk records (those who read the petition)',
      allowed: PETITION_READERS,
      success: 200,
      send: (app, auth) =>
        request(app)
          .get(`/v1/petitions/${encodeURIComponent(sharedPetition.caseId)}/press`)
          .set('Authorization', auth),
      untouched: () => Promise.resolve(),
    },
    {
      // Words and rules tables, no case: what any client needs to show a person their work.
      name: 'read the kinds of case (every signed-in person)',
      allowed: Object.keys(PROFILES) as ProfileName[],
      success: 200,
      send: (app, auth) => request(app).get('/v1/case-kinds').set('Authorization', auth),
      untouched: () => Promise.resolve(),
    },
    {
      name: 'read a week’s petition index (everyone whose work is petitions)',
      allowed: PETITION_INDEX_READERS,
      success: 200,
      send: (app, auth) =>
        request(app).get(`/v1/petitions/weekly-index?week=${INDEXED_WEEK}`).set('Authorization', auth),
      untouched: () => Promise.resolve(),
    },
    {
      name: 'decode a jinshui household’s payload (supervisors and auditors of the retrofit’s departments)',
      allowed: ['supervisorCity', 'auditorCity'],
      success: 200,
      send: (app, auth) => decodeRequest(app, auth, shared.caseId),
      granted: decodedIn,
      untouched: () => Promise.resolve(),
    },
    {
      name: 'decode a jinshui petition’s payload (the petition office’s supervisors and auditors)',
      allowed: ['petitionSupervisorJinshui'],
      success: 200,
      send: (app, auth) => decodeRequest(app, auth, sharedPetition.caseId),
      granted: decodedIn,
      untouched: () => Promise.resolve(),
    },
    {
      name: 'recompute a week’s petition index (petition-office supervisors)',
      allowed: ['petitionSupervisorJinshui'],
      success: 200,
      // A week of its own for the allowed caller, so the refused callers' week is never computed.
      prepare: () => Promise.resolve({ caseId: '', key: `2025-W${10 + (counter += 1)}` }),
      send: (app, auth, target) =>
        request(app)
          .post('/v1/petitions/weekly-index/recompute')
          .set('Authorization', auth)
          .send({ week: target.key }),
      untouched: (target) => assertNeverStarted(env.client, `petition-weekly-index:${target.key}`),
    },
    {
      name: 'register (备案) a jinshui childcare provider (its area’s health commission)',
      allowed: ['healthClerkJinshui'],
      success: 201,
      prepare: async () => {
        const body = subsidyApplication(800 + (counter += 1));
        await prepareDepartments(adapters, body);
        return { caseId: '', key: String(counter) };
      },
      send: (app, auth, target) =>
        request(app)
          .post('/v1/childcare/registrations')
          .set('Authorization', auth)
          .send({
            provider: subsidyApplication(800 + Number(target.key)).provider,
            standards: {
              slots: 30,
              monthlyPriceFen: 150_000,
              monitoring24hWithAlarm: true,
              videoCoversAllAreas: true,
              recordingRetentionDays: 90,
            },
          }),
      untouched: async (target) =>
        assert.equal(
          (
            await db('health_commission.childcare_registry').where({
              credit_code: subsidyApplication(800 + Number(target.key)).provider.creditCode,
            })
          ).length,
          0,
        ),
    },
    {
      name: 'take up a jinshui petition (the press desk)',
      allowed: ['pressDeskCity'],
      success: 200,
      prepare: petitionAt,
      send: (app, auth, target) =>
        request(app)
          .post(`/v1/petitions/${encodeURIComponent(target.caseId)}/actions/press-take-up`)
          .set('Authorization', auth)
          .send({ account: '读者来电反映路灯一周不亮' }),
      untouched: async (target) => {
        const state = await new PetitionDriver(env.client, target.caseId).state();
        assert.equal(state.press, undefined);
        assert.equal(state.decisions?.length ?? 0, 0);
      },
    },
    {
      name: 'check a jinshui childcare subsidy application',
      allowed: ['healthClerkJinshui'],
      success: 200,
      send: (app, auth) =>
        request(app)
          .post('/v1/childcare/subsidy-check')
          .set('Authorization', auth)
          .send(subsidyApplication(7)),
      untouched: () => Promise.resolve(),
    },
    {
      name: "publish jinshui's childcare price ceiling (the city's market regulation, centrally)",
      allowed: ['marketSupervisorCity'],
      success: 200,
      prepare: () => Promise.resolve({ caseId: '', key: String(2030 + (counter += 1)) }),
      send: (app, auth, target) =>
        request(app)
          .put(`/v1/childcare/price-ceilings/jinshui/${target.key}`)
          .set('Authorization', auth)
          .send({ ceilingFen: 150_000 }),
      untouched: async (target) =>
        assert.equal(await adapters.marketRegulation.childcarePriceCeiling(J, Number(target.key)), undefined),
    },
    {
      name: "read jinshui's childcare price ceiling (published prices are public to staff)",
      allowed: [
        'petitionClerkJinshui',
        'urbanClerkJinshui',
        'gasClerkJinshui',
        'gasClerkErqi',
        'financeJinshui',
        'financeErqi',
        'supervisorCity',
        'auditorCity',
        'healthClerkJinshui',
        'marketSupervisorJinshui',
        'marketSupervisorCity',
        'petitionSupervisorJinshui',
        'platformOperatorCity',
        'platformOperatorJinshui',
        'scienceSupervisorCity',
      ],
      success: 200,
      send: (app, auth) =>
        request(app).get('/v1/childcare/price-ceilings/jinshui/2026').set('Authorization', auth),
      untouched: () => Promise.resolve(),
    },
    {
      name: 'save a city policy in the catalogue (its issuing department’s city supervisors only)',
      allowed: ['scienceSupervisorCity'],
      success: 201,
      prepare: () => Promise.resolve({ caseId: '', key: `matrix-policy-${(counter += 1)}` }),
      send: async (app, auth, target) =>
        request(app).put(`/v1/policies/${target.key}`).set('Authorization', auth).send(matrixPolicy()),
      untouched: async (target) =>
        assert.equal(await adapters.policyCatalogue.version(target.key), undefined),
    },
    {
      name: 'read the policy catalogue (policies are public to anyone signed in)',
      allowed: EVERYONE,
      success: 200,
      send: (app, auth) => request(app).get('/v1/policies').set('Authorization', auth),
      untouched: () => Promise.resolve(),
    },
    {
      name: 'start a policy’s 免申即享 rounds (its issuer only)',
      allowed: ['scienceSupervisorCity'],
      success: 201,
      prepare: async () => {
        const key = `matrix-round-${(counter += 1)}`;
        await adapters.policyCatalogue.save(key, RULE_LANGUAGE, matrixPolicy(), 'matrix');
        return { caseId: policyRoundWorkflowId('gaoxin', key, YEAR), key };
      },
      send: (app, auth, target) =>
        request(app)
          .post(`/v1/policies/${target.key}/rounds`)
          .set('Authorization', auth)
          .send({ pageSize: 1 }),
      untouched: (target) => assertNeverStarted(env.client, target.caseId),
    },
    {
      name: 'apply for a policy (the enterprise itself, with its own token)',
      allowed: ['enterpriseGaoxin'],
      success: 201,
      prepare: async () => {
        const key = `matrix-apply-${(counter += 1)}`;
        await adapters.policyCatalogue.save(key, RULE_LANGUAGE, matrixPolicy('application'), 'matrix');
        return {
          caseId: policyPayoutWorkflowId('gaoxin', key, YEAR, exampleCreditCode(MATRIX_ENTERPRISE)),
          key,
        };
      },
      send: (app, auth, target) =>
        request(app)
          .post('/v1/policy-payouts')
          .set('Authorization', auth)
          .send({
            policyId: target.key,
            district: 'gaoxin',
            materials: ['高新技术企业证书'],
            account: MATRIX_ACCOUNT,
          }),
      untouched: (target) => assertNeverStarted(env.client, target.caseId),
    },
    {
      name: 'read an enterprise’s policy case (itself, the policy’s issuer, auditors, the catalogue’s operator)',
      allowed: ['enterpriseGaoxin', 'scienceSupervisorCity', 'auditorCity', 'platformOperatorCity'],
      success: 200,
      send: (app, auth) =>
        request(app)
          .get(`/v1/policy-payouts/${encodeURIComponent(sharedPayout.caseId)}`)
          .set('Authorization', auth),
      untouched: () => Promise.resolve(),
    },
    {
      name: 'take the completeness check of a policy application (the policy’s issuer only)',
      allowed: ['scienceSupervisorCity'],
      success: 200,
      prepare: () => payoutAt(),
      send: (app, auth, target) =>
        request(app)
          .post(`/v1/policy-payouts/${encodeURIComponent(target.caseId)}/actions/completeness`)
          .set('Authorization', auth)
          .send({ outcome: 'return-for-correction', missing: ['研发费用专项审计报告'] }),
      untouched: async (target) =>
        assert.equal((await new PayoutDriver(env.client, target.caseId).state()).corrections, 0),
    },
    {
      name: 'read what the policies paid this year (supervisors, finance and auditors of the departments taking part)',
      allowed: [
        'financeJinshui',
        'financeErqi',
        'auditorCity',
        'marketSupervisorJinshui',
        'marketSupervisorCity',
        'platformOperatorCity',
        'platformOperatorJinshui',
        'scienceSupervisorCity',
      ],
      success: 200,
      send: (app, auth) => request(app).get('/v1/policy-reports/paid').set('Authorization', auth),
      untouched: () => Promise.resolve(),
    },
  ];

  before(async function () {
    // A database of its own: this suite sets Jinshui's tender price, which other suites' cases must not see.
    const scratch = await createScratchDatabase('matrix');
    dropDatabase = scratch.drop;
    db = createDb(scratch.url, { poolMax: 5 });
    await migrateToLatest(db);
    adapters = createPostgresAdapters(db);
    await ensureTeams(adapters, J);
    await adapters.marketRegulation.publishChildcarePriceCeiling({
      district: J,
      year: 2026,
      ceilingFen: 200_000,
      publishedBy: 'matrix',
    });
    env = await startDevServer();
    const taskQueue = uniqueTaskQueue('matrix');
    worker = await runTestWorker(env, taskQueue, adapters);
    app = testApp(env.client, db, taskQueue);
    shared = await caseAt('installation-scheduled');
    sharedApplication = await applicationAt();
    await adapters.petitionOffice.setRoute({
      category: 'public-facilities',
      district: J,
      department: 'urban-management',
      updatedBy: 'matrix',
    });
    sharedPetition = await petitionAt();
    await eligibleEnterprise(adapters, YEAR, { serial: MATRIX_ENTERPRISE });
    sharedPayout = await payoutAt();
    await adapters.petitionIndex.save({
      ...beijingWeek(INDEXED_WEEK)!,
      received: 0,
      replied: 0,
      completed: 0,
      categories: categoryShares(
        Object.fromEntries(PETITION_CATEGORIES.map((c) => [c, 0])) as Record<PetitionCategory, number>,
      ),
      computedAt: new Date().toISOString(),
    });
  });
  after(async function () {
    await worker?.stop();
    await env?.teardown();
    await db?.destroy();
    await dropDatabase?.();
  });

  for (const endpoint of ENDPOINTS) {
    it(endpoint.name, async function () {
      assert.ok(endpoint.allowed.length > 0, 'an endpoint nobody may call proves only refusals');
      const refusedTarget = endpoint.prepare ? await endpoint.prepare() : shared;
      for (const [name, profile] of Object.entries(PROFILES) as Array<[ProfileName, Profile]>) {
        const allowed = endpoint.allowed.includes(name);
        const target = allowed && endpoint.prepare ? await endpoint.prepare() : refusedTarget;
        const res = await endpoint.send(app, await bearer(profile), target);
        if (allowed) {
          assert.equal(res.status, endpoint.success, `${name}: ${JSON.stringify(res.body)}`);
          assert.ok(endpoint.granted?.(res) ?? true, `${name} should have been granted it`);
        } else if (endpoint.granted && res.status === 200) {
          assert.ok(!endpoint.granted(res), `${name} should not have been granted it`);
        } else {
          assert.equal(res.status, 403, `${name} should be refused; got ${res.status}`);
          refusedWith403 += 1;
          await endpoint.untouched(refusedTarget);
        }
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
    assert.ok(refusedWith403 > ENDPOINTS.length);
    assert.equal(refused.length, refusedWith403);
    assert.ok(refused.every((r: { reason: string }) => r.reason.length > 0));
    assert.ok(
      refused.some(
        (r: { action: string }) => r.action === 'http:PUT /v1/gas-retrofit/tender-prices/:district',
      ),
    );
  });

  it('answers 429 to a user past the per-user limit, while another user carries on', async function () {
    const limited = testApp(env.client, db, 'unused', { rateLimit: { limit: 3, windowMs: 60_000 } });
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
