/**
 * The runs whose histories make up the replay corpus (test/histories). Each scenario drives one real workflow
 * on a real server with the Postgres adapters; record-histories.ts saves what happened, replay.test.ts
 * replays it against the current code.
 */
import { PETITION_WORKFLOW_TYPES } from '../../processes/petitions/workflow/contract';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Adapters } from '../../activities/adapters';
import type { Db } from '../../activities/db/connection';
import {
  gasRetrofitCampaignUpdates,
  gasRetrofitCampaignWorkflowId,
  gasRetrofitHouseholdWorkflowId,
  type GasRetrofitCampaignWorkflow,
  type GasRetrofitHouseholdWorkflow,
  GAS_RETROFIT_WORKFLOW_TYPES,
} from '../../processes/gas-retrofit/workflow/contract';
import { tenderPricesSetSignal } from '../../processes/gas-retrofit/workflow/contract';
import type { BookingFailures } from '../helpers/failing-district-finance';
import { approveThrough, childcareActors, startApplication } from '../workflows/childcare-helpers';
import { petitionActors, startPetition } from '../workflows/petition-helpers';
import { actors, startCase, type CaseDriver } from '../workflows/gas-retrofit-helpers';
import {
  catalogued,
  eligibleEnterprise,
  PayoutDriver,
  policyActors,
  rdTerms,
  roundCompleted,
  startPayoutCase,
  startRound,
} from '../workflows/policy-payout-helpers';
import { policyPayoutWorkflowId } from '../../processes/policy-payout/workflow/contract';

export interface ScenarioContext {
  env: TestWorkflowEnvironment;
  db: Db;
  adapters: Adapters;
  taskQueue: string;
  /** District finance's ledger refuses this many of the next bookings (the worker's adapters read it). */
  districtFinanceFailures: BookingFailures;
}

/** The run to keep: the workflow's latest run, or a given one (e.g. the run that continued as new). */
export type RecordedRun = string | { workflowId: string; runId: string };

export interface ReplayScenario {
  /** File name: `<workflowType>_<scenario>` (the SDK version is appended). */
  name: string;
  /** Runs on the time-skipping test server (scenarios that wait out long timers). */
  timeSkipping?: boolean;
  /** Drives the case to the point worth keeping; returns its workflow ID (or the run to keep). */
  run(context: ScenarioContext): Promise<RecordedRun>;
}

const J = 'jinshui' as const;

/** The eligibility-only first slice: recorded before the full process existed; kept to prove `patched`. */
function firstSliceScenario(name: string, accountRef: string, status: 'active' | 'closed'): ReplayScenario {
  return {
    name,
    async run({ env, adapters, taskQueue }) {
      await adapters.gasCompany.upsertAccounts([
        { accountRef, district: J, userType: 'residential-pipeline', status },
      ]);
      const workflowId = gasRetrofitHouseholdWorkflowId(J, accountRef);
      await env.client.workflow.execute<GasRetrofitHouseholdWorkflow>(GAS_RETROFIT_WORKFLOW_TYPES.household, {
        workflowId,
        taskQueue,
        args: [
          {
            district: J,
            accountRef,
            userType: 'residential-pipeline',
            channel: 'app',
            startedBy: actors.clerk(J),
          },
        ],
      });
      return workflowId;
    },
  };
}

const residentialClosed: ReplayScenario['run'] = async ({ env, db, taskQueue }) => {
  const c = await startCase(env, db, taskQueue);
  await c.waitForStage('installation-scheduled');
  await c.act('reschedule', { actor: actors.clerk(J), preferredDay: '2099-01-05' });
  await c.act('record-miss', { actor: actors.installer(J) });
  await c.act('report-installation', {
    actor: actors.installer(J),
    serials: { valve: 'ZV-R1', hose: 'MH-R1' },
  });
  await c.act('acceptance', { actor: actors.clerk(J), result: 'fail', reason: 'valve not sealed' });
  await c.act('report-installation', {
    actor: actors.installer(J),
    serials: { valve: 'ZV-R2', hose: 'MH-R1' },
  });
  await c.act('acceptance', { actor: actors.clerk(J), result: 'pass' });
  await c.handle.result();
  return c.caseId;
};

const gridFollowUpWithdrawn: ReplayScenario['run'] = async ({ env, db, taskQueue }) => {
  const c = await startCase(env, db, taskQueue);
  await c.waitForStage('installation-scheduled');
  await c.act('record-miss', { actor: actors.installer(J) });
  await c.act('record-miss', { actor: actors.installer(J) });
  await c.act('grid-follow-up', { actor: actors.gridWorker(J), outcome: 'rebook' });
  await c.act('record-miss', { actor: actors.installer(J) });
  await c.act('record-miss', { actor: actors.installer(J) });
  await c.act('grid-follow-up', { actor: actors.gridWorker(J), outcome: 'withdrawn' });
  await c.handle.result();
  return c.caseId;
};

/**
 * A non-residential case installed and accepted, now watching the yearly calibration (recorded before
 * SETTLE_AT_TENDER_PATCH, it was first priced and booked as paid in full by its user; after it, nothing is).
 */
async function nonResidentialWatching(
  { env, db, adapters, taskQueue }: ScenarioContext,
  district: 'gaoxin' | 'jingkai',
  userType: 'non-residential-lpg' | 'non-residential-pipeline',
  hoseLengthM: number,
): Promise<CaseDriver> {
  await adapters.districtFinance.setTenderPrices({
    district,
    prices: { alarm: 26_000, shutoffValve: 18_000 },
    tenderRef: `${district.toUpperCase()}-REPLAY`,
    setBy: 'recorder',
  });
  const c = await startCase(env, db, taskQueue, { district, userType, items: { valve: false, hoseLengthM } });
  await c.waitForStage('installation-scheduled');
  await c.act('report-installation', {
    actor: actors.installer(district),
    serials: { alarm: 'AL-R', shutoffValve: 'SV-R', hose: 'H-R' },
  });
  await c.act('acceptance', { actor: actors.clerk(district), result: 'pass' });
  await c.waitForStage('calibration-watch');
  return c;
}

/** A Jinshui case installed and accepted while district finance is down: it stops in a payment incident. */
async function caseInPaymentIncident(context: ScenarioContext): Promise<CaseDriver> {
  const c = await startCase(context.env, context.db, context.taskQueue);
  await c.waitForStage('installation-scheduled');
  await c.act('report-installation', {
    actor: actors.installer(J),
    serials: { valve: 'V-PI', hose: 'H-PI' },
  });
  context.districtFinanceFailures.left = 5;
  await c.act('acceptance', { actor: actors.clerk(J), result: 'pass' });
  await c.waitForStage('payment-incident', 120_000, (state) => state.openTask !== undefined);
  return c;
}

/** Routed by the table, accepted, extended, replied, rated dissatisfied, replied again, rated satisfied. */
async function routedAcceptedRepliedReopenedCompleted({ env, adapters, taskQueue }: ScenarioContext) {
  await adapters.petitionOffice.setRoute({
    category: 'heating',
    district: J,
    department: 'heating',
    updatedBy: 'recorder',
  });
  const c = await startPetition(env, adapters, taskQueue, { category: 'heating', kind: 'complaint' });
  const heating = petitionActors.handler('heating', J);
  await c.waitForStage('awaiting-acceptance', 20_000, (s) => s.openTask?.kind === 'acceptance');
  await c.act('accept', { actor: heating });
  await c.act('extend', {
    actor: petitionActors.officeSupervisor(J),
    reason: '需入户检测',
    workingDays: 5,
  });
  await c.act('reply', { actor: heating, summaryRef: 'REPLAY-R1' });
  await c.waitForStage('replied', 20_000, (s) => s.openTask?.kind === 'rating');
  await c.act('rate', { actor: petitionActors.officeClerk(J), satisfied: false });
  await c.act('reply', { actor: heating, summaryRef: 'REPLAY-R2' });
  await c.waitForStage('replied', 20_000, (s) => s.openTask?.kind === 'rating');
  await c.record('rate', { actor: petitionActors.officeClerk(J), satisfied: true });
  return c;
}

const RECORDED_BEFORE_THE_PATCH_BASELINE: ReplayScenario[] = [
  firstSliceScenario('gasRetrofitHousehold_eligibility-only-eligible', 'JS-REPLAY-1', 'active'),
  firstSliceScenario('gasRetrofitHousehold_eligibility-only-closed', 'JS-REPLAY-2', 'closed'),
  { name: 'gasRetrofitHousehold_residential-closed', run: residentialClosed },
  { name: 'gasRetrofitHousehold_grid-follow-up-withdrawn', run: gridFollowUpWithdrawn },
  // Recorded after CASE_ATTRIBUTES_PATCH: the same runs, now with the department/deadline/amount attributes.
  { name: 'gasRetrofitHousehold_residential-closed-case-attributes', run: residentialClosed },
  { name: 'gasRetrofitHousehold_grid-follow-up-withdrawn-case-attributes', run: gridFollowUpWithdrawn },
  {
    name: 'gasRetrofitHousehold_new-build-verified',
    async run({ env, db, taskQueue }) {
      const c = await startCase(env, db, taskQueue, { userType: 'new-build-residential' });
      await c.waitForStage('acceptance');
      await c.act('acceptance', { actor: actors.clerk(J), result: 'pass' });
      await c.handle.result();
      return c.caseId;
    },
  },
  {
    name: 'gasRetrofitHousehold_non-residential-calibration-watch',
    async run(context) {
      return (await nonResidentialWatching(context, 'gaoxin', 'non-residential-lpg', 2.5)).caseId;
    },
  },
  {
    name: 'gasRetrofitHousehold_cancelled-while-scheduling',
    async run({ env, db, taskQueue }) {
      const c = await startCase(env, db, taskQueue, { district: 'huiji', skipTeams: true });
      await c.waitForStage('scheduling');
      await c.act('cancel', { actor: actors.clerk('huiji'), reason: 'resident-withdrew' });
      await c.handle.result();
      return c.caseId;
    },
  },
  {
    name: 'gasRetrofitCampaign_small-backlog-finished',
    async run({ env, adapters, taskQueue }) {
      const district = 'erqi' as const;
      await adapters.gasCompany.upsertAccounts(
        ['EQ-CAMP-1', 'EQ-CAMP-2', 'EQ-CAMP-3'].map((accountRef) => ({
          accountRef,
          district,
          userType: 'residential-pipeline' as const,
          status: 'active' as const,
        })),
      );
      const workflowId = gasRetrofitCampaignWorkflowId(district, 'replay');
      await env.client.workflow.execute<GasRetrofitCampaignWorkflow>(GAS_RETROFIT_WORKFLOW_TYPES.campaign, {
        workflowId,
        taskQueue,
        args: [
          {
            campaignId: 'replay',
            district,
            startedBy: actors.safetyOffice(),
            householdsPerMinute: 6000,
            pageSize: 2,
          },
        ],
      });
      return workflowId;
    },
  },
  // Recorded at the start of the process-kit work: the paths a change could break without any test noticing.
  {
    name: 'gasRetrofitHousehold_payment-incident-retried',
    async run(context) {
      const c = await caseInPaymentIncident(context);
      await c.act('resolve-incident', { actor: actors.finance(J), action: 'retry' });
      await c.handle.result();
      return c.caseId;
    },
  },
  {
    name: 'gasRetrofitHousehold_payment-incident-compensated',
    async run(context) {
      const c = await caseInPaymentIncident(context);
      await c.act('resolve-incident', { actor: actors.finance(J), action: 'compensate' });
      await c.handle.result();
      return c.caseId;
    },
  },
  {
    name: 'gasRetrofitHousehold_calibration-recorded-continued-as-new',
    timeSkipping: true,
    async run(context) {
      const { env } = context;
      const district = 'jingkai' as const;
      const c = await nonResidentialWatching(context, district, 'non-residential-pipeline', 2);
      const firstRunId = (await c.handle.describe()).runId;
      await env.sleep('366 days');
      await c.waitForStage('calibration-watch', 20_000, (s) => s.openTask?.kind === 'alarm-calibration');
      await c.act('record-calibration', {
        actor: actors.installer(district),
        certificateRef: 'CAL-REPLAY-1',
      });
      await c.waitForStage('calibration-watch', 20_000, (s) => s.calibration?.year === 2);
      return { workflowId: c.caseId, runId: firstRunId };
    },
  },
  {
    name: 'gasRetrofitCampaign_paused-resumed',
    timeSkipping: true,
    async run({ env, adapters, taskQueue }) {
      const district = 'huiji' as const;
      await adapters.gasCompany.upsertAccounts(
        ['HJ-CAMP-1', 'HJ-CAMP-2', 'HJ-CAMP-3'].map((accountRef) => ({
          accountRef,
          district,
          userType: 'residential-pipeline' as const,
          status: 'active' as const,
        })),
      );
      const handle = await env.client.workflow.start<GasRetrofitCampaignWorkflow>(
        GAS_RETROFIT_WORKFLOW_TYPES.campaign,
        {
          workflowId: gasRetrofitCampaignWorkflowId(district, 'replay-pause'),
          taskQueue,
          args: [
            {
              campaignId: 'replay-pause',
              district,
              startedBy: actors.safetyOffice(),
              householdsPerMinute: 1,
              pageSize: 1,
            },
          ],
        },
      );
      await env.sleep('1 second');
      await handle.executeUpdate(gasRetrofitCampaignUpdates.pause, {
        args: [{ actor: actors.safetyOffice() }],
      });
      await env.sleep('2 hours');
      await handle.executeUpdate(gasRetrofitCampaignUpdates.resume, {
        args: [{ actor: actors.safetyOffice() }],
      });
      await handle.result();
      return handle.workflowId;
    },
  },
  // Recorded with SETTLE_AT_TENDER_PATCH: settlement waits for the district's tender price; non-residential
  // users pay their suppliers themselves.
  {
    name: 'gasRetrofitHousehold_tender-price-awaited-escalated-settled',
    timeSkipping: true,
    async run({ env, db, adapters, taskQueue }) {
      const district = 'zhengdong' as const;
      const c = await startCase(env, db, taskQueue, { district, skipTenderPrices: true });
      await c.waitForStage('installation-scheduled');
      await c.act('report-installation', {
        actor: actors.installer(district),
        serials: { valve: 'V-TP', hose: 'H-TP' },
      });
      await c.act('acceptance', { actor: actors.clerk(district), result: 'pass' });
      await c.waitForStage('awaiting-tender-price', 20_000, (s) => s.openTask?.kind === 'tender-price');
      await env.sleep('11 days');
      await c.waitForStage('awaiting-tender-price', 20_000, (s) => s.openTask?.escalationRung === 1);
      await adapters.districtFinance.setTenderPrices({
        district,
        prices: { valve: 11_000, hose: 10_000 },
        tenderRef: 'ZD-REPLAY',
        setBy: 'recorder',
      });
      await c.handle.signal(tenderPricesSetSignal);
      await c.handle.result();
      return c.caseId;
    },
  },
  {
    name: 'gasRetrofitHousehold_non-residential-self-funded-watching',
    async run(context) {
      return (await nonResidentialWatching(context, 'gaoxin', 'non-residential-pipeline', 1.5)).caseId;
    },
  },
  {
    name: 'childcareApplication_corrected-approved-registered-evaluated',
    timeSkipping: true,
    async run({ env, adapters, taskQueue }) {
      const { driver: c, body } = await startApplication(env, adapters, taskQueue);
      const hc = childcareActors;
      await c.waitForStage('completeness-check', 20_000, (s) => s.openTask?.kind === 'completeness');
      await c.act('completeness', {
        actor: hc.clerk(J),
        outcome: 'return-for-correction',
        missing: ['fire plan'],
      });
      await c.act('resubmit', { actor: hc.clerk(J), facts: body.facts });
      await c.waitForStage('completeness-check', 20_000, (s) => s.openTask?.kind === 'completeness');
      await c.act('completeness', { actor: hc.clerk(J), outcome: 'complete' });
      await c.waitForStage('site-inspection', 20_000, (s) => s.openTask?.kind === 'inspection');
      await c.act('inspection', { actor: hc.inspector(J), result: 'pass', photosRef: 'REPLAY-PHOTOS' });
      await c.act('health-approval', { actor: hc.supervisor(J), decision: 'approve' });
      await c.act('finance-approval', { actor: hc.finance(J), decision: 'approve' });
      await c.waitForStage('registered');
      const { runId } = await c.handle.describe();
      await env.sleep('366 days');
      await c.waitForStage('registered', 20_000, (s) => s.openTask?.kind === 'quality-evaluation');
      await c.record('quality-evaluation', { actor: hc.supervisor(J), grade: 'B' });
      await c.waitForStage('registered', 20_000, (s) => (s.quality?.evaluations.length ?? 0) === 1);
      return { workflowId: c.caseId, runId };
    },
  },
  {
    name: 'childcareApplication_refused-by-department-checks',
    async run({ env, adapters, taskQueue }) {
      const { driver: c } = await startApplication(env, adapters, taskQueue, {
        prepare: { fireSafety: true },
      });
      await c.waitForStage('completeness-check', 20_000, (s) => s.openTask?.kind === 'completeness');
      await c.record('completeness', { actor: childcareActors.clerk(J), outcome: 'complete' });
      await c.handle.result();
      return c.caseId;
    },
  },
  {
    name: 'childcareApplication_refused-at-finance-approval',
    async run({ env, adapters, taskQueue }) {
      const { driver: c } = await startApplication(env, adapters, taskQueue);
      const hc = childcareActors;
      await c.waitForStage('completeness-check', 20_000, (s) => s.openTask?.kind === 'completeness');
      await c.act('completeness', { actor: hc.clerk(J), outcome: 'complete' });
      await c.waitForStage('site-inspection', 20_000, (s) => s.openTask?.kind === 'inspection');
      await c.act('inspection', { actor: hc.inspector(J), result: 'pass', photosRef: 'REPLAY-PHOTOS' });
      await c.act('health-approval', { actor: hc.supervisor(J), decision: 'approve' });
      await c.record('finance-approval', {
        actor: hc.finance(J),
        decision: 'refuse',
        reasons: ['budget spent'],
      });
      await c.handle.result();
      return c.caseId;
    },
  },
  {
    // Recorded before review and re-review, when a completed petition ended.
    name: 'petition_routed-accepted-replied-reopened-completed',
    async run(context) {
      const c = await routedAcceptedRepliedReopenedCompleted(context);
      await c.handle.result();
      return c.caseId;
    },
  },
  {
    name: 'petition_transferred-supervised-to-the-press',
    timeSkipping: true,
    async run({ env, adapters, taskQueue }) {
      const c = await startPetition(env, adapters, taskQueue, { category: 'other', kind: 'consultation' });
      await c.waitForStage('awaiting-acceptance', 20_000, (s) => s.openTask?.kind === 'acceptance');
      await c.act('transfer', {
        actor: petitionActors.handler('petition-office', J),
        to: 'urban-management',
        reason: 'a street light',
      });
      await env.sleep('20 days');
      await c.waitForStage('awaiting-acceptance', 20_000, (s) => s.openTask?.escalationRung === 4);
      await c.act('supervise-note', { actor: petitionActors.reporter(), noteRef: 'REPLAY-GG-1' });
      await c.record('withdraw', { actor: petitionActors.officeClerk(J), reason: 'resolved on the phone' });
      await c.handle.result();
      return c.caseId;
    },
  },
  {
    // Typed in three weeks late: the acceptance and reply deadlines have passed before the case opens.
    name: 'petition_received-overdue-accepted-withdrawn',
    timeSkipping: true,
    async run({ env, adapters, taskQueue }) {
      const receivedAt = new Date(Date.now() - 21 * 24 * 60 * 60 * 1000).toISOString();
      const c = await startPetition(env, adapters, taskQueue, {
        category: 'other',
        kind: 'consultation',
        receivedAt,
      });
      await c.waitForStage('awaiting-acceptance', 20_000, (s) => (s.openTask?.escalationRung ?? 0) >= 1);
      await c.act('accept', { actor: petitionActors.handler('petition-office', J) });
      await c.waitForStage('handling', 20_000, (s) => (s.openTask?.escalationRung ?? 0) >= 1);
      await c.record('withdraw', { actor: petitionActors.officeClerk(J), reason: 'answered at the window' });
      await c.handle.result();
      return c.caseId;
    },
  },
  {
    // The ladder reaches the newspaper's desk; it calls, the department accepts and replies, the desk publishes.
    name: 'petition_press-called-replied-published',
    timeSkipping: true,
    async run({ env, adapters, taskQueue }) {
      const c = await startPetition(env, adapters, taskQueue, { category: 'other', kind: 'consultation' });
      await c.waitForStage('awaiting-acceptance', 20_000, (s) => s.openTask?.kind === 'acceptance');
      await env.sleep('20 days');
      await c.waitForStage('awaiting-acceptance', 20_000, (s) => s.openTask?.escalationRung === 4);
      const reporter = petitionActors.reporter();
      await c.act('press-follow-up', {
        actor: reporter,
        answer: 'will-handle',
        account: '记者致电，答复当日受理。',
      });
      const holder = petitionActors.handler('petition-office', J);
      await c.act('accept', { actor: holder });
      await c.act('reply', { actor: holder, summaryRef: 'REPLAY-PRESS' });
      await c.act('press-publish', {
        actor: reporter,
        verdict: 'resolved',
        headline: '留言三周无人受理，见报当日答复',
        url: 'https://newspaper.example/ggdb/replay',
      });
      await c.record('rate', { actor: petitionActors.officeClerk(J), satisfied: true });
      await c.waitForStage('completed');
      return c.caseId;
    },
  },
  {
    // The Monday schedule's run for a past Monday (a backfill stands in for it the same way).
    name: 'petitionWeeklyIndex_computed-for-a-named-week',
    async run({ env, taskQueue }) {
      const workflowId = `petition-weekly-index:replay-${Date.now()}`;
      await env.client.workflow.execute(PETITION_WORKFLOW_TYPES.weeklyIndex, {
        workflowId,
        taskQueue,
        args: [{ week: '2026-W45' }],
      });
      return workflowId;
    },
  },
  {
    // Passed on three times: the petition office's supervisors place it (the over-transfer patch's path).
    name: 'petition_passed-on-three-times-placed-by-a-supervisor',
    timeSkipping: true,
    async run({ env, adapters, taskQueue }) {
      const c = await startPetition(env, adapters, taskQueue, { category: 'other', kind: 'help' });
      await c.waitForStage('awaiting-acceptance', 20_000, (s) => s.openTask?.kind === 'acceptance');
      const chain = ['petition-office', 'urban-management', 'traffic-police', 'housing'] as const;
      for (let i = 0; i < 3; i += 1) {
        await c.act('transfer', {
          actor: petitionActors.handler(chain[i]!, J),
          to: chain[i + 1]!,
          reason: 'not ours',
        });
      }
      await c.act('accept', { actor: petitionActors.officeSupervisor(J) });
      await c.record('withdraw', { actor: petitionActors.officeClerk(J), reason: 'settled in person' });
      await c.handle.result();
      return c.caseId;
    },
  },
  {
    name: 'petition_reviewed-and-re-reviewed-closed',
    timeSkipping: true,
    async run({ env, adapters, taskQueue }) {
      const c = await startPetition(env, adapters, taskQueue, { category: 'education', kind: 'suggestion' });
      const office = petitionActors.officeClerk(J);
      await c.waitForStage('awaiting-acceptance', 20_000, (s) => s.deadlines.acceptance !== undefined);
      const holder = petitionActors.handler((await c.state()).department!, J);
      await c.act('accept', { actor: holder });
      await c.act('reply', { actor: holder, summaryRef: 'REPLAY-REV' });
      await c.waitForStage('replied', 20_000, (s) => s.openTask?.kind === 'rating');
      await c.act('rate', { actor: office, satisfied: true });
      await c.act('request-review', { actor: office });
      await c.act('decide-review', {
        actor: petitionActors.officeSupervisor(J),
        outcome: 'upheld',
        opinionRef: 'FC-R',
      });
      await c.act('request-review', { actor: office });
      await c.record('decide-review', {
        actor: petitionActors.officeSupervisor('city'),
        outcome: 'upheld',
        opinionRef: 'FH-R',
      });
      await c.handle.result();
      return c.caseId;
    },
  },
];

/**
 * Recorded on the kit's patch baseline (workflows/kit/patches.ts): one patch marker per run, and the case registry
 * and task board told once per wait or carried by the next department call. The runs before it stay above.
 */
const RECORDED_AGAIN_ON_THE_BASELINE = [
  'gasRetrofitHousehold_residential-closed',
  'gasRetrofitHousehold_grid-follow-up-withdrawn',
  'gasRetrofitHousehold_new-build-verified',
  'gasRetrofitHousehold_non-residential-calibration-watch',
  'gasRetrofitHousehold_cancelled-while-scheduling',
  'gasRetrofitHousehold_payment-incident-retried',
  'gasRetrofitHousehold_payment-incident-compensated',
  'gasRetrofitHousehold_calibration-recorded-continued-as-new',
  'gasRetrofitHousehold_tender-price-awaited-escalated-settled',
  'gasRetrofitHousehold_non-residential-self-funded-watching',
  'childcareApplication_corrected-approved-registered-evaluated',
  'childcareApplication_refused-by-department-checks',
  'childcareApplication_refused-at-finance-approval',
  'petition_transferred-supervised-to-the-press',
  'petition_received-overdue-accepted-withdrawn',
  'petition_press-called-replied-published',
  'petition_passed-on-three-times-placed-by-a-supervisor',
  'petition_reviewed-and-re-reviewed-closed',
];

const RECORDED_BEFORE_LEAN_WAITS: ReplayScenario[] = [
  ...RECORDED_BEFORE_THE_PATCH_BASELINE,
  {
    // A completed petition now waits for a review request (its window is the review scenario's to run out).
    name: 'petition_routed-accepted-replied-reopened-completed-on-baseline',
    async run(context) {
      const c = await routedAcceptedRepliedReopenedCompleted(context);
      await c.waitForStage('completed', 20_000);
      return c.caseId;
    },
  },
  ...RECORDED_BEFORE_THE_PATCH_BASELINE.filter((s) => RECORDED_AGAIN_ON_THE_BASELINE.includes(s.name)).map(
    (s) => ({ ...s, name: `${s.name}-on-baseline` }),
  ),
  {
    // The main path as the bench's households take it (installed, accepted, settled, paid): what promise counts and
    // WR's shape are measured on, and what a change to the thread's cost must replay.
    name: 'gasRetrofitHousehold_main-path-closed-on-baseline',
    async run({ env, db, taskQueue }) {
      const c = await startCase(env, db, taskQueue);
      await c.waitForStage('installation-scheduled');
      await c.act('report-installation', {
        actor: actors.installer(J),
        serials: { valve: 'ZV-M1', hose: 'MH-M1' },
      });
      await c.act('acceptance', { actor: actors.clerk(J), result: 'pass' });
      await c.handle.result();
      return c.caseId;
    },
  },
  {
    // Since childcare's payments became the kit's: a failing subsidy payment stops in an incident.
    name: 'childcareApplication_payment-incident-retried',
    async run({ env, adapters, taskQueue, districtFinanceFailures }) {
      const { driver: c } = await startApplication(env, adapters, taskQueue);
      districtFinanceFailures.left = 5;
      await approveThrough(c);
      await c.waitForStage('payment-incident', 60_000, (s) => s.openTask !== undefined);
      await c.act('resolve-incident', { actor: childcareActors.finance(J), action: 'retry' });
      await c.waitForStage('registered', 60_000);
      return c.caseId;
    },
  },
  {
    name: 'childcareApplication_reward-incident-retried',
    timeSkipping: true,
    async run({ env, adapters, taskQueue, districtFinanceFailures }) {
      const { driver: c } = await startApplication(env, adapters, taskQueue);
      await approveThrough(c);
      await c.waitForStage('registered', 60_000);
      await env.sleep('366 days');
      await c.waitForStage('registered', 20_000, (s) => s.openTask?.kind === 'quality-evaluation');
      districtFinanceFailures.left = 5;
      await c.record('quality-evaluation', { actor: childcareActors.supervisor(J), grade: 'B' });
      await c.waitForStage('payment-incident', 60_000, (s) => s.openTask !== undefined);
      await c.act('resolve-incident', { actor: childcareActors.finance(J), action: 'retry' });
      await c.waitForStage('registered', 60_000, (s) => (s.quality?.evaluations.length ?? 0) === 1);
      return c.caseId;
    },
  },
  {
    name: 'policyPayoutRound_small-register-finished',
    async run(context) {
      return (await foundByRound(context)).roundId;
    },
  },
  {
    name: 'policyPayout_found-confirmed-noticed-paid',
    timeSkipping: true,
    async run(context) {
      const { payout: c, creditCode } = await foundByRound(context);
      await c.waitForStage('awaiting-confirmation', 20_000, (s) => !!s.enterpriseDue && !s.workingOn);
      await c.act('confirm', { actor: policyActors.enterprise(creditCode, SJ), account: PAYEE_ACCOUNT });
      await c.skipUntil(context.env, 'paid');
      return c.caseId;
    },
  },
  {
    name: 'policyPayout_offer-lapsed',
    timeSkipping: true,
    async run(context) {
      const { payout: c } = await foundByRound(context);
      await c.skipUntil(context.env, 'lapsed');
      return c.caseId;
    },
  },
  {
    name: 'policyPayout_applied-corrected-reviewed-objection-dismissed-paid',
    timeSkipping: true,
    async run({ env, adapters, taskQueue }) {
      const year = new Date().getUTCFullYear();
      const policy = await catalogued(
        adapters,
        rdTerms({ mode: 'application', review: 'department', scope: [SJ] }),
        {
          [year]: 100_000_000,
        },
      );
      const creditCode = await eligibleEnterprise(adapters, year, { district: SJ });
      const enterprise = policyActors.enterprise(creditCode, SJ);
      const c = await startPayoutCase(env.client, taskQueue, {
        policy,
        year,
        creditCode,
        district: SJ,
        startedBy: enterprise,
        materials: ['高新技术企业证书'],
        account: PAYEE_ACCOUNT,
      });
      const clerk = policyActors.issuer('clerk');
      await c.waitForStage('completeness-check', 20_000, (s) => !!s.openTask);
      await c.act('completeness', {
        actor: clerk,
        outcome: 'return-for-correction',
        missing: ['研发费用专项审计报告'],
      });
      await c.act('resubmit', { actor: enterprise, materials: rdTerms().materials, account: PAYEE_ACCOUNT });
      await c.waitForStage('completeness-check', 20_000, (s) => !!s.openTask);
      await c.act('completeness', { actor: clerk, outcome: 'complete' });
      await c.waitForStage('department-review', 20_000, (s) => !!s.openTask);
      await c.act('review', { actor: policyActors.issuer('supervisor'), decision: 'approve' });
      await c.waitForStage('public-notice');
      await c.act('objection', { actor: clerk, summary: '反映研发费用归集不实' });
      await c.waitForStage('objection-review', 20_000, (s) => !!s.openTask);
      await c.act('objection-review', {
        actor: policyActors.issuer('supervisor'),
        finding: 'dismissed',
        reasons: ['经核查，归集符合规定'],
      });
      await c.skipUntil(env, 'paid');
      return c.caseId;
    },
  },
];

/** Workflows that are not one case (a campaign, a round, an index) wait as they did: nothing to record again. */
const NOT_A_CASE = ['gasRetrofitCampaign_', 'petitionWeeklyIndex_', 'policyPayoutRound_'];
const onTheFirstBaseline = (s: ReplayScenario) =>
  !RECORDED_BEFORE_THE_PATCH_BASELINE.includes(s) && !NOT_A_CASE.some((type) => s.name.startsWith(type));

/**
 * Recorded on the lean-waits baseline (workflows/kit/patches.ts): the kit's waits as promise chains, which moves
 * where a decision's Update completes among the commands that follow it. Every case run of the first baseline, again.
 */
export const SCENARIOS: ReplayScenario[] = [
  ...RECORDED_BEFORE_LEAN_WAITS,
  ...RECORDED_BEFORE_LEAN_WAITS.filter(onTheFirstBaseline).map((s) => ({
    ...s,
    name: `${s.name.replace(/-on-baseline$/, '')}-lean-waits`,
  })),
];

const SJ = 'shangjie' as const;
const PAYEE_ACCOUNT = { bank: '中原银行郑州上街支行', accountNumber: '411000987654321' };

/** A 免申即享 policy for shangjie, an eligible enterprise there, and the round that finds it. */
async function foundByRound({ env, adapters, taskQueue }: ScenarioContext) {
  const year = new Date().getUTCFullYear();
  const policy = await catalogued(adapters, rdTerms({ scope: [SJ] }), { [year]: 100_000_000 });
  const creditCode = await eligibleEnterprise(adapters, year, { district: SJ });
  const roundId = await startRound(env.client, taskQueue, {
    policy,
    year,
    district: SJ,
    startedBy: policyActors.issuer('supervisor'),
    perMinute: 6_000,
    pageSize: 50,
  });
  await roundCompleted(env.client, roundId);
  const payout = new PayoutDriver(env.client, policyPayoutWorkflowId(SJ, policy.policyId, year, creditCode));
  return { roundId, payout, creditCode };
}
