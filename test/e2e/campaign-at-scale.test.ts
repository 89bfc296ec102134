/**
 * A district campaign of 2,000 households (CAMPAIGN_SCALE_HOUSEHOLDS) on the real dev server with real
 * PostgreSQL; every human step goes through the HTTP API. Afterwards: each household ended where its script
 * says (closed, cancelled or watching its alarm calibration; none ineligible), no installer slot is overbooked,
 * each household's ledger rows are exactly what its script and the tender prices give (none twice, none for a
 * case that must not pay), and the campaign's totals per party equal the sum of its cases.
 */
import assert from 'node:assert/strict';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Express } from 'express';
import request from 'supertest';
import { createPostgresAdapters, type Adapters } from '../../activities/adapters';
import { createDb, type Db } from '../../activities/db/connection';
import { GAS_RETROFIT_LEDGERS } from '../../processes/gas-retrofit/workflow/audit-profile';
import { migrateToLatest } from '../../activities/db/migrate';
import type { GasUserType } from '../../processes/gas-retrofit/workflow/contract';
import {
  computeSettlement,
  ESTIMATE_PRICES,
  PARTIES,
  type RetrofitItems,
} from '../../processes/gas-retrofit/workflow/settlement';
import { bearer, testApp } from '../helpers/api';
import { createScratchDatabase } from '../helpers/database';
import { runTestWorker, startDevServer, uniqueTaskQueue, type RunningTestWorker } from '../helpers/temporal';
import { startWorkerChaos, type WorkerChaos } from '../helpers/worker-chaos';

const HOUSEHOLDS = Number(process.env.CAMPAIGN_SCALE_HOUSEHOLDS ?? 2000);
/**
 * `npm run test:chaos`: the worker runs as separate processes, and every CHAOS_KILL_EVERY_S seconds the running
 * one is killed (SIGKILL, no goodbye) and a new one started, for the whole campaign.
 */
const CHAOS = process.env.CAMPAIGN_CHAOS === '1';
const KILL_EVERY_MS = Number(process.env.CHAOS_KILL_EVERY_S ?? 20) * 1000;
const district = 'guancheng' as const;
const TENDER = { valve: 11_300, hose: 10_700, hoseExtraPerMetre: 3_500, alarm: 25_000, shutoffValve: 17_500 };
const ENDED = ['closed', 'calibration-watch', 'cancelled', 'ineligible'];

interface Household {
  accountRef: string;
  userType: GasUserType;
  items: RetrofitItems;
  /** What the driver does at installation: 0 plain, 1 one missed visit first, 2 cancel, 3 acceptance fails once. */
  script: 0 | 1 | 2 | 3;
}

function households(): Household[] {
  return Array.from({ length: HOUSEHOLDS }, (_, i) => {
    const userType: GasUserType =
      i % 20 === 7
        ? 'residential-lpg'
        : i % 50 === 11
          ? 'new-build-residential'
          : i % 40 === 3
            ? 'non-residential-pipeline'
            : 'residential-pipeline';
    const items: RetrofitItems =
      userType === 'residential-lpg' || userType === 'non-residential-pipeline'
        ? { valve: false, hoseLengthM: 1 + (i % 40) / 10 }
        : { valve: true, hoseLengthM: 1 + (i % 30) / 10 };
    const script = i % 37 === 5 ? 1 : i % 53 === 9 ? 2 : i % 31 === 4 ? 3 : 0;
    return { accountRef: `GC-SCALE-${String(i + 1).padStart(6, '0')}`, userType, items, script };
  });
}

/** Where the household's script must take it, whatever the system's own stage table says. */
function expectedStage(household: Household): 'closed' | 'cancelled' | 'calibration-watch' {
  // New-build homes skip installation booking, so the driver never cancels them.
  if (household.script === 2 && household.userType !== 'new-build-residential') return 'cancelled';
  return household.userType.startsWith('non-residential') ? 'calibration-watch' : 'closed';
}

/**
 * What each party must have been paid for the household: nothing unless its script ends in a settlement, and
 * nothing for new builds (no subsidy) or non-residential users (they pay their suppliers themselves).
 */
function expectedShares(household: Household): Record<(typeof PARTIES)[number], number> | undefined {
  if (household.userType !== 'residential-pipeline' && household.userType !== 'residential-lpg')
    return undefined;
  if (expectedStage(household) === 'cancelled') return undefined;
  return computeSettlement(household.userType, household.items, { ...ESTIMATE_PRICES, ...TENDER }).totals;
}

async function inPool<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  let failed = false;
  const outcomes = await Promise.allSettled(
    Array.from({ length: concurrency }, async () => {
      try {
        while (!failed && next < items.length) await work(items[next++]!);
      } catch (error) {
        failed = true;
        throw error;
      }
    }),
  );
  // Rethrown only once every request in flight has ended, so none outlives the test's Temporal connection.
  const failure = outcomes.find((outcome) => outcome.status === 'rejected');
  if (failure) throw failure.reason;
}

describe(`a district campaign of ${HOUSEHOLDS} households, human steps through the API${CHAOS ? ', workers killed repeatedly' : ''}`, function () {
  this.timeout(25 * 60_000);
  let env: TestWorkflowEnvironment;
  let db: Db;
  let adapters: Adapters;
  let worker: RunningTestWorker | undefined;
  let chaos: WorkerChaos | undefined;
  let app: Express;
  let dropDatabase: () => Promise<void>;
  const all = households();
  const byRef = new Map(all.map((h) => [h.accountRef, h]));

  before(async function () {
    const scratch = await createScratchDatabase('scale');
    dropDatabase = scratch.drop;
    db = createDb(scratch.url, { poolMax: 20 });
    await migrateToLatest(db);
    adapters = createPostgresAdapters(db);
    env = await startDevServer();
    const taskQueue = uniqueTaskQueue('scale');
    if (CHAOS) {
      chaos = await startWorkerChaos(env, { taskQueue, databaseUrl: scratch.url }, KILL_EVERY_MS);
    } else {
      worker = await runTestWorker(env, taskQueue, adapters);
    }
    app = testApp(env.client, db, taskQueue);
    // Three teams of 25 a day: 2,000 households need most of the 30-day booking horizon, so capacity binds.
    await adapters.installer.upsertTeams(
      [1, 2, 3].map((n) => ({ teamId: `GC-SCALE-T${n}`, district, dailyCapacity: 25 })),
    );
    await adapters.districtFinance.setTenderPrices({
      district,
      prices: TENDER,
      tenderRef: 'GC-2026-SCALE',
      setBy: 'fin',
    });
    for (let i = 0; i < all.length; i += 500) {
      await adapters.gasCompany.upsertAccounts(
        all.slice(i, i + 500).map((h) => ({
          accountRef: h.accountRef,
          district,
          userType: h.userType,
          status: 'active' as const,
          survey: { needsRetrofit: true, items: h.items },
        })),
      );
    }
  });

  after(async function () {
    await worker?.stop();
    await chaos?.stop();
    await env?.teardown();
    await db?.destroy();
    await dropDatabase?.();
  });

  it('every case ends; no slot overbooked; ledgers exact and never doubled; campaign totals add up', async function () {
    const tokens = {
      office: await bearer({
        sub: 'office-gc',
        dept: 'gas-safety-office',
        district: 'city',
        roles: ['supervisor'],
      }),
      installer: await bearer({ sub: 'fitter-gc', dept: 'installer', district, roles: ['installer'] }),
      clerk: await bearer({ sub: 'clerk-gc', dept: 'gas-company', district, roles: ['clerk'] }),
    };
    const started = await request(app)
      .post('/v1/gas-retrofit/campaigns')
      .set('Authorization', tokens.office)
      .send({ district, campaignId: 'scale-test', householdsPerMinute: 10_000, pageSize: 250 });
    assert.equal(started.status, 201, JSON.stringify(started.body));
    const campaignUrl = started.headers.location!;

    const act = async (caseId: string, action: string, token: string, body: object) => {
      const res = await request(app)
        .post(`/v1/gas-retrofit/households/${encodeURIComponent(caseId)}/actions/${action}`)
        .set('Authorization', token)
        .send(body);
      // 409: the case moved on between our read and this decision (e.g. an earlier request of ours landed).
      assert.ok(
        res.status === 200 || res.status === 409,
        `${action} on ${caseId}: ${res.status} ${JSON.stringify(res.body)}`,
      );
    };
    const missed = new Set<string>();
    const failedOnce = new Set<string>();

    const deadline = Date.now() + 20 * 60_000;
    for (;;) {
      const rows: Array<{
        case_id: string;
        stage: string;
      }> = await db('onething.cases').where({ campaign_id: 'scale-test' }).select('case_id', 'stage');
      const progress = (await request(app).get(campaignUrl).set('Authorization', tokens.office)).body;
      if (
        progress.progress?.finished &&
        rows.length === HOUSEHOLDS &&
        rows.every((r) => ENDED.includes(r.stage))
      )
        break;
      assert.ok(Date.now() < deadline, `campaign not done: ${JSON.stringify(progress.casesByStage)}`);

      await inPool(rows, 16, async ({ case_id: caseId, stage }) => {
        const household = byRef.get(caseId.split(':')[2]!)!;
        if (stage === 'installation-scheduled') {
          if (household.script === 2)
            return act(caseId, 'cancel', tokens.clerk, { reason: 'resident-withdrew' });
          if (household.script === 1 && !missed.has(caseId)) {
            missed.add(caseId);
            return act(caseId, 'record-miss', tokens.installer, {});
          }
          const serials: Record<string, string> = { hose: `H-${caseId}` };
          if (household.items.valve) serials.valve = `V-${caseId}`;
          if (household.userType.startsWith('non-residential'))
            Object.assign(serials, { alarm: 'A', shutoffValve: 'S' });
          return act(caseId, 'report-installation', tokens.installer, { serials });
        }
        if (stage === 'acceptance') {
          if (household.script === 3 && !failedOnce.has(caseId)) {
            failedOnce.add(caseId);
            return act(caseId, 'acceptance', tokens.clerk, { result: 'fail', reason: 'rework needed' });
          }
          return act(caseId, 'acceptance', tokens.clerk, { result: 'pass' });
        }
      });
      await new Promise((resolve) => setTimeout(resolve, 500));
    }

    // No slot overbooked.
    const overbooked = await db('installer.team_days').whereRaw('booked > capacity').count({ n: '*' });
    assert.equal(Number(overbooked[0]!.n), 0);

    // Each household's ledger rows: one per party at most, summing to its settlement at the tender prices.
    const perCase = new Map<string, Record<string, number>>();
    for (const party of PARTIES) {
      const rows: Array<{ case_id: string; idempotency_key: string; amount_fen: string }> = await db(
        GAS_RETROFIT_LEDGERS[party],
      ).select('case_id', 'idempotency_key', 'amount_fen');
      const seen = new Set<string>();
      for (const row of rows) {
        assert.ok(!seen.has(row.case_id), `${row.case_id} booked twice in ${GAS_RETROFIT_LEDGERS[party]}`);
        seen.add(row.case_id);
        const shares = perCase.get(row.case_id) ?? {};
        shares[party] = Number(row.amount_fen);
        perCase.set(row.case_id, shares);
      }
    }
    const finalRows: Array<{ case_id: string; stage: string }> = await db('onething.cases')
      .where({ campaign_id: 'scale-test' })
      .select('case_id', 'stage');
    const finalStages = new Map(finalRows.map((r) => [r.case_id.split(':')[2]!, r.stage]));
    const expectedTotals = { cityFinance: 0, districtFinance: 0, gasCompany: 0, resident: 0 };
    const wrongEnds: string[] = [];
    for (const household of all) {
      const stage = finalStages.get(household.accountRef);
      if (stage !== expectedStage(household))
        wrongEnds.push(`${household.accountRef}: ${stage} (script says ${expectedStage(household)})`);
      const caseId = `gas-retrofit:${district}:${household.accountRef}`;
      const booked = perCase.get(caseId) ?? {};
      const expected = expectedShares(household);
      if (!expected) {
        assert.deepEqual(booked, {}, `${caseId} must not be paid`);
        continue;
      }
      for (const party of PARTIES) {
        // A share of 0 is never booked; every other share is booked exactly once.
        assert.equal(booked[party] ?? 0, expected[party], `${caseId} ${party}`);
        expectedTotals[party] += expected[party];
      }
    }
    assert.deepEqual(wrongEnds.slice(0, 10), [], `${wrongEnds.length} households ended off-script`);
    assert.equal(finalStages.size, HOUSEHOLDS);
    assert.ok(
      expectedTotals.cityFinance > 0 && expectedTotals.resident > 0,
      'the script settles most households',
    );

    const report = (await request(app).get(campaignUrl).set('Authorization', tokens.office)).body;
    assert.deepEqual(report.settledFen, expectedTotals);
    assert.equal(report.progress.started, HOUSEHOLDS);
    console.log(
      `      campaign of ${HOUSEHOLDS}: ${JSON.stringify(report.casesByStage)}; settled ${JSON.stringify(report.settledFen)}` +
        (chaos ? `; workers killed: ${chaos.kills()}; duplicates: 0; cases lost: 0` : ''),
    );
    if (chaos) assert.ok(chaos.kills() >= 3, `workers killed: ${chaos.kills()}`);
  });
});
