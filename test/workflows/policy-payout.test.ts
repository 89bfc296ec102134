import assert from 'node:assert/strict';
import {
  policyPayoutWorkflowId,
  type PolicyPayoutStage,
} from '../../processes/policy-payout/workflow/contract';
import { DECISION_REFUSALS } from '../../workflows/definitions';
import type { PolicyFundsPort } from '../../activities/adapters/policy-funds/port';
import type { PolicyTerms } from '../../activities/adapters/policy-catalogue/terms';
import type { TaxPort } from '../../activities/adapters/tax/port';
import {
  FIXED_YEAR,
  loadFixedYear,
  sleepUntil,
  tenInTheMorning,
  unloadFixedYears,
} from '../helpers/fixed-calendar';
import { refusal } from '../helpers/update-refusal';
import { decoderFor } from '../../audit/decode';
import { fetchLiveHistory } from '../../audit/histories';
import { reconcile } from '../../audit/reconcile';
import { buildTimeline } from '../../audit/timeline';
import { AesGcmPayloadCodec } from '../../platform/codec/payload-codec';
import { TEST_PAYLOAD_KEYS } from '../helpers/temporal';
import { useTimeSkippingSuite } from '../helpers/workflow-suite';
import {
  catalogued,
  eligibleEnterprise,
  PayoutDriver,
  policyActors as actors,
  owedJudgment,
  rdTerms,
  roundCompleted,
  startPayoutCase,
  startRound,
} from './policy-payout-helpers';

const YEAR = new Date().getUTCFullYear();
const decode = decoderFor(new AesGcmPayloadCodec(TEST_PAYLOAD_KEYS));
const ACCOUNT = { bank: '中原银行郑州高新区支行', accountNumber: '411000123456789' };

describe('policyPayout workflows (time-skipping server, Postgres adapters)', function () {
  this.timeout(180_000);
  const fundsFailures = { left: 0 };
  const taxFailures = { left: 0 };
  const suite = useTimeSkippingSuite('policy', (real) => ({
    ...real,
    // The tax bureau's system, down for the next calls a test asks for.
    tax: {
      recordYear: (record) => real.tax.recordYear(record),
      years: (creditCodes, year) => {
        if (taxFailures.left === 0) return real.tax.years(creditCodes, year);
        taxFailures.left -= 1;
        return Promise.reject(new Error('tax system unavailable'));
      },
    } satisfies TaxPort,
    policyFunds: {
      claim: (claim) => real.policyFunds.claim(claim),
      budget: (policyId, year) => real.policyFunds.budget(policyId, year),
      paymentOf: (key) => real.policyFunds.paymentOf(key),
      paidTotals: (year) => real.policyFunds.paidTotals(year),
      budgetsOf: (year) => real.policyFunds.budgetsOf(year),
      pay: (order) => {
        if (fundsFailures.left === 0) return real.policyFunds.pay(order);
        fundsFailures.left -= 1;
        return Promise.reject(new Error('finance system unavailable'));
      },
    } satisfies PolicyFundsPort,
  }));
  afterEach(() => unloadFixedYears(suite.db));
  /** What 郑好办 sent the enterprise about this case. */
  const messagesTo = async (creditCode: string, caseId: string) =>
    (await suite.adapters.zhenghaoban.messagesTo(creditCode))
      .filter((message) => message.idempotencyKey.startsWith(`${caseId}:`))
      .map((message) => message.template);

  /** An eligible gaoxin enterprise a 免申即享 round found owed `amountFen` under the policy: its case, started. */
  async function foundCase(terms: PolicyTerms, amountFen: number) {
    const policy = await catalogued(suite.adapters, terms, { [YEAR]: 100_000_000 });
    const creditCode = await eligibleEnterprise(suite.adapters, YEAR);
    const c = await startPayoutCase(suite.env.client, suite.taskQueue, {
      policy,
      year: YEAR,
      creditCode,
      district: 'gaoxin',
      startedBy: actors.issuer('supervisor'),
      judgment: owedJudgment(policy, amountFen),
    });
    return { c, creditCode };
  }

  it('免申即享: a round finds the eligible enterprises, each confirms, the notice passes, finance pays once', async function () {
    const policy = await catalogued(suite.adapters, rdTerms(), { [YEAR]: 100_000_000 });
    const [a, b] = [
      await eligibleEnterprise(suite.adapters, YEAR),
      await eligibleEnterprise(suite.adapters, YEAR),
    ];
    const notHighTech = await eligibleEnterprise(suite.adapters, YEAR, { highTech: false });
    const roundId = await startRound(suite.env.client, suite.taskQueue, {
      policy,
      year: YEAR,
      district: 'gaoxin',
      startedBy: actors.issuer('supervisor'),
      perMinute: 6_000,
      pageSize: 50,
    });
    await roundCompleted(suite.env.client, roundId);
    const caseOf = (creditCode: string) =>
      new PayoutDriver(suite.env.client, policyPayoutWorkflowId('gaoxin', policy.policyId, YEAR, creditCode));
    await assert.rejects(
      caseOf(notHighTech).state(),
      /not found/i,
      'no case for an enterprise the rules exclude',
    );

    const c = caseOf(a);
    const offered = await c.waitForStage(
      'awaiting-confirmation',
      20_000,
      (s) => !!s.enterpriseDue && !s.workingOn,
    );
    assert.equal(offered.judgment?.amountFen, 20_000_000);
    assert.equal(offered.judgment?.version, policy.version);
    assert.deepEqual(await messagesTo(a, c.caseId), ['policy-found']);
    assert.equal(
      await refusal(c.record('confirm', { actor: actors.enterprise(b, 'gaoxin'), account: ACCOUNT })),
      DECISION_REFUSALS.forbidden,
      'an enterprise acts for its own credit code only',
    );
    await c.act('confirm', { actor: actors.enterprise(a, 'gaoxin'), account: ACCOUNT });
    const noticed = await c.waitForStage('public-notice');
    assert.equal(noticed.review?.automatic, true);
    const paid = await c.skipUntil(suite.env, 'paid');
    assert.equal(paid.payment?.amountFen, 20_000_000);
    assert.equal(paid.payment?.paidBy, 'city-finance');
    assert.deepEqual(await messagesTo(a, c.caseId), ['policy-found', 'paid']);
    const payments = await suite
      .db('policy_payout.payments')
      .where({ policy_id: policy.policyId, credit_code: a });
    assert.equal(payments.length, 1);

    // Auditors: the timeline names each decision's actor; reconcile finds the payment as the rule gives it.
    const evidence = await fetchLiveHistory(suite.env.client, c.caseId);
    const timeline = await buildTimeline(evidence, decode);
    assert.ok(timeline.entries.some((e) => e.kind === 'decision' && e.actor?.creditCode === a));
    assert.deepEqual((await reconcile([evidence], decode, suite.db)).discrepancies, []);
    await suite.db('policy_payout.payments').where({ case_id: c.caseId }).update({ amount_fen: 19_000_000 });
    const tampered = await reconcile([evidence], decode, suite.db);
    assert.deepEqual(
      tampered.discrepancies.map((d) => [d.kind, d.party]),
      [['mismatched', 'policyFunds']],
    );
  });

  it('a round whose facts department is down retries its page, and starts each owed enterprise’s case once', async function () {
    const policy = await catalogued(suite.adapters, rdTerms({ scope: ['dengfeng'] }), {
      [YEAR]: 100_000_000,
    });
    const owed = await eligibleEnterprise(suite.adapters, YEAR, { district: 'dengfeng' });
    const notOwed = await eligibleEnterprise(suite.adapters, YEAR, {
      district: 'dengfeng',
      tax: { grade: 'C', paidFen: 1 },
    });
    taxFailures.left = 3;
    const roundId = await startRound(suite.env.client, suite.taskQueue, {
      policy,
      year: YEAR,
      district: 'dengfeng',
      startedBy: actors.issuer('supervisor'),
      perMinute: 6_000,
      pageSize: 50,
    });
    await roundCompleted(suite.env.client, roundId);
    assert.equal(taxFailures.left, 0, 'the page was retried past the outage');
    const c = new PayoutDriver(
      suite.env.client,
      policyPayoutWorkflowId('dengfeng', policy.policyId, YEAR, owed),
    );
    await c.waitForStage('awaiting-confirmation', 20_000, (s) => !s.workingOn);
    assert.deepEqual(await messagesTo(owed, c.caseId), ['policy-found']);
    const notStarted = new PayoutDriver(
      suite.env.client,
      policyPayoutWorkflowId('dengfeng', policy.policyId, YEAR, notOwed),
    );
    await assert.rejects(
      notStarted.state(),
      /not found/i,
      'a C grade is not owed: the outage did not let it through',
    );
  });

  it('免申即享: no answer brings a reminder halfway, then the offer lapses', async function () {
    const { c, creditCode } = await foundCase(rdTerms(), 1_000);
    const lapsed = await c.skipUntil(suite.env, 'lapsed');
    assert.match(lapsed.outcome?.reason ?? '', /逾期/);
    assert.deepEqual(await messagesTo(creditCode, c.caseId), ['policy-found', 'confirmation-reminder']);
  });

  it('a policy that sets no notice of its own pays as soon as the enterprise confirms', async function () {
    const { c, creditCode } = await foundCase(rdTerms({ noticeWorkingDays: 0 }), 1_000_000);
    await c.waitForStage('awaiting-confirmation', 20_000, (s) => !s.workingOn);
    await c.act('confirm', { actor: actors.enterprise(creditCode, 'gaoxin'), account: ACCOUNT });
    // No time passes: the money moves without a notice period to wait out.
    const paid = await c.waitForStage('paid', 20_000);
    assert.equal(paid.notice, undefined);
    assert.equal(paid.payment?.amountFen, 1_000_000);
    assert.deepEqual(await messagesTo(creditCode, c.caseId), ['policy-found', 'paid']);
  });

  it('application: sent back for what is missing (counted), judged, reviewed, an objection dismissed, paid', async function () {
    const policy = await catalogued(suite.adapters, rdTerms({ mode: 'application', review: 'department' }), {
      [YEAR]: 100_000_000,
    });
    const creditCode = await eligibleEnterprise(suite.adapters, YEAR);
    const enterprise = actors.enterprise(creditCode, 'gaoxin');
    const c = await startPayoutCase(suite.env.client, suite.taskQueue, {
      policy,
      year: YEAR,
      creditCode,
      district: 'gaoxin',
      startedBy: enterprise,
      materials: ['高新技术企业证书'],
      account: ACCOUNT,
    });
    const checking = await c.waitForStage('completeness-check', 20_000, (s) => !!s.openTask);
    assert.equal(checking.openTask?.department, 'science-technology', 'the policy’s issuer holds the task');
    assert.equal(
      await refusal(
        c.record('completeness', { actor: actors.issuer('clerk', 'commerce'), outcome: 'complete' }),
      ),
      DECISION_REFUSALS.forbidden,
      'another issuing department has no say on this policy',
    );
    await c.act('completeness', {
      actor: actors.issuer('clerk'),
      outcome: 'return-for-correction',
      missing: ['研发费用专项审计报告'],
    });
    assert.equal(
      await refusal(
        c.record('resubmit', { actor: enterprise, materials: ['高新技术企业证书'], account: ACCOUNT }),
      ),
      DECISION_REFUSALS.invalid,
      'still missing the audit report',
    );
    await c.act('resubmit', {
      actor: enterprise,
      materials: ['高新技术企业证书', '研发费用专项审计报告'],
      account: ACCOUNT,
    });
    await c.waitForStage('completeness-check', 20_000, (s) => !!s.openTask);
    await c.act('completeness', { actor: actors.issuer('clerk'), outcome: 'complete' });
    const review = await c.waitForStage('department-review', 20_000, (s) => !!s.openTask);
    assert.equal(review.corrections, 1);
    assert.equal(review.judgment?.eligible, true);
    await c.act('review', { actor: actors.issuer('supervisor'), decision: 'approve' });
    await c.waitForStage('public-notice');
    await c.act('objection', { actor: actors.issuer('clerk'), summary: '反映该企业研发费用归集不实' });
    await c.waitForStage('objection-review', 20_000, (s) => !!s.openTask);
    await c.act('objection-review', {
      actor: actors.issuer('supervisor'),
      finding: 'dismissed',
      reasons: ['经核查专项审计报告，归集符合规定'],
    });
    const paid = await c.skipUntil(suite.env, 'paid');
    assert.equal(paid.notice?.objections[0]?.finding, 'dismissed');
    assert.equal(paid.payment?.amountFen, 20_000_000);
  });

  it('the budget: first come is refused once it runs out; next year’s money pays on 1 January', async function () {
    // A fixed spring day of the fixed test year: the skips below never reach 1 January by accident.
    await loadFixedYear(suite.adapters);
    await sleepUntil(suite.env, tenInTheMorning(`${FIXED_YEAR}-03-02`));
    const year = FIXED_YEAR;
    const firstCome = await catalogued(suite.adapters, rdTerms(), { [year]: 25_000_000 });
    const nextYear = await catalogued(suite.adapters, rdTerms({ whenBudgetRunsOut: 'next-year' }), {
      [year]: 25_000_000,
      [year + 1]: 25_000_000,
    });
    const run = async (policy: typeof firstCome) => {
      const drivers = [];
      for (let i = 0; i < 2; i += 1) {
        const creditCode = await eligibleEnterprise(suite.adapters, year);
        const c = await startPayoutCase(suite.env.client, suite.taskQueue, {
          policy,
          year,
          creditCode,
          district: 'gaoxin',
          startedBy: actors.issuer('supervisor'),
          judgment: owedJudgment(policy, 20_000_000),
        });
        await c.waitForStage('awaiting-confirmation', 20_000, (s) => !s.workingOn);
        await c.act('confirm', { actor: actors.enterprise(creditCode, 'gaoxin'), account: ACCOUNT });
        drivers.push(c);
      }
      return drivers;
    };
    // The two race for the money: whichever pays first, the other finds the budget short.
    const settled = async (drivers: PayoutDriver[], stages: PolicyPayoutStage[]) => {
      await drivers[0]!.skipUntil(suite.env, 'paid', 15).catch(() => undefined);
      const states = await Promise.all(drivers.map((d) => d.state()));
      assert.deepEqual(states.map((s) => s.stage).sort(), [...stages].sort());
      return states;
    };
    const [exhausted] = (await settled(await run(firstCome), ['paid', 'budget-exhausted'])).filter(
      (s) => s.stage === 'budget-exhausted',
    );
    assert.match(exhausted!.outcome?.reason ?? '', /已用完/);

    const drivers = await run(nextYear);
    const states = await settled(drivers, ['paid', 'awaiting-next-budget']);
    const late = drivers[states.findIndex((s) => s.stage === 'awaiting-next-budget')]!;
    assert.equal((await late.state()).budgetYear, year + 1);
    const paid = await late.skipUntil(suite.env, 'paid', 400);
    assert.equal(paid.payment?.budgetYear, year + 1);
  });

  it('a payment that fails every attempt stops in an incident at city finance, which retries it once', async function () {
    const { c, creditCode } = await foundCase(rdTerms(), 1_000);
    await c.waitForStage('awaiting-confirmation', 20_000, (s) => !s.workingOn);
    fundsFailures.left = 5;
    await c.act('confirm', { actor: actors.enterprise(creditCode, 'gaoxin'), account: ACCOUNT });
    await c.skipUntil(suite.env, 'payment-incident');
    const incident = await c.waitForStage('payment-incident', 60_000, (s) => !!s.openTask);
    assert.equal(incident.openTask?.department, 'city-finance');
    await c.act('resolve-incident', { actor: actors.cityFinance(), action: 'retry' });
    const paid = await c.waitForStage('paid', 60_000);
    assert.equal(paid.openTask, undefined);
    assert.equal((await suite.db('policy_payout.payments').where({ case_id: c.caseId })).length, 1);
  });
});
