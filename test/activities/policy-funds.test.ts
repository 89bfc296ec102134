import assert from 'node:assert/strict';
import { PostgresPolicyCatalogue } from '../../activities/adapters/policy-catalogue/postgres';
import {
  BudgetBelowCommittedError,
  PolicyIssuerMismatchError,
} from '../../activities/adapters/policy-catalogue/port';
import type { PolicyTerms } from '../../activities/adapters/policy-catalogue/terms';
import { PostgresPolicyFunds } from '../../activities/adapters/policy-funds/postgres';
import type { PolicyPaymentOrder } from '../../activities/adapters/policy-funds/port';
import type { Db } from '../../activities/db/connection';
import { exampleCreditCode } from '../../processes/policy-payout/demo-enterprises';
import { openTestDb, uniqueAccountRef } from '../helpers/database';

const TERMS: PolicyTerms = {
  title: '专精特新中小企业奖励',
  legalBasis: '郑工信〔2026〕3号',
  issuer: { department: 'industry-information', area: 'city' },
  kind: 'reward',
  mode: 'automatic',
  scope: ['jinshui'],
  eligibility: [{ name: '存续', logic: { '==': [{ var: 'market.status' }, 'active'] } }],
  amount: { kind: 'fixed', fen: 10_000 },
  window: { opens: '2026-01-01', closes: '2026-12-31' },
  review: 'automatic',
  noticeWorkingDays: 5,
  confirmWorkingDays: 10,
  materials: [],
  whenBudgetRunsOut: 'first-come',
  budgets: { '2026': 55_000 },
};

describe('policy catalogue and funds (PostgreSQL)', function () {
  let db: Db;
  let catalogue: PostgresPolicyCatalogue;
  let funds: PostgresPolicyFunds;
  before(() => {
    db = openTestDb();
    catalogue = new PostgresPolicyCatalogue(db);
    funds = new PostgresPolicyFunds(db);
  });
  after(() => db.destroy());

  const newPolicy = async (terms: Partial<PolicyTerms> = {}) => {
    const policyId = uniqueAccountRef('p').toLowerCase();
    await catalogue.save(policyId, 'jsonlogic/1', { ...TERMS, ...terms }, 'kx-01');
    return policyId;
  };
  const order = (
    policyId: string,
    index: number,
    extra: Partial<PolicyPaymentOrder> = {},
  ): PolicyPaymentOrder => ({
    idempotencyKey: `${policyId}:${index}:payment`,
    caseId: `policy:jinshui:${policyId}-${index}`,
    policyId,
    year: 2026,
    budgetYear: 2026,
    creditCode: exampleCreditCode(index),
    district: 'jinshui',
    amountFen: 10_000,
    whenBudgetRunsOut: 'first-come',
    paidBy: 'city-finance',
    issuerDepartment: 'industry-information',
    ...extra,
  });

  it('keeps every save as a version, and never changes a policy’s issuer', async function () {
    const policyId = await newPolicy();
    const second = await catalogue.save(
      policyId,
      'jsonlogic/1',
      { ...TERMS, title: '专精特新中小企业奖励（修订）' },
      'kx-02',
    );
    assert.equal(second.version, 2);
    assert.equal((await catalogue.version(policyId, 1))?.terms.title, TERMS.title);
    assert.equal((await catalogue.version(policyId))?.terms.title, '专精特新中小企业奖励（修订）');
    await assert.rejects(
      catalogue.save(
        policyId,
        'jsonlogic/1',
        { ...TERMS, issuer: { department: 'commerce', area: 'city' } },
        'x',
      ),
      PolicyIssuerMismatchError,
    );
  });

  it('never commits more than the budget, however many payments race for it', async function () {
    const policyId = await newPolicy();
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => funds.pay(order(policyId, i))));
    const paid = results.filter((r) => r.outcome === 'paid');
    assert.equal(paid.length, 5); // 55,000 fen pays five of 10,000
    assert.deepEqual(await funds.budget(policyId, 2026), { budgetFen: 55_000, committedFen: 50_000 });
    const refused = results.find((r) => r.outcome === 'budget-exhausted');
    assert.deepEqual(refused, { outcome: 'budget-exhausted', budgetYear: 2026, remainingFen: 5_000 });
  });

  it('pays once per key and once per policy, year and enterprise, whatever the retries', async function () {
    const policyId = await newPolicy();
    const [a, b] = await Promise.all([funds.pay(order(policyId, 1)), funds.pay(order(policyId, 1))]);
    assert.ok(a.outcome === 'paid' && b.outcome === 'paid');
    assert.equal(a.paymentId, b.paymentId);
    const again = await funds.pay(order(policyId, 1, { idempotencyKey: 'another-key' }));
    assert.ok(again.outcome === 'paid' && again.paymentId === a.paymentId);
    assert.deepEqual(await funds.budget(policyId, 2026), { budgetFen: 55_000, committedFen: 10_000 });
  });

  it('the database refuses a budget below what is committed, even written around the adapter', async function () {
    const policyId = await newPolicy();
    await funds.pay(order(policyId, 1));
    await assert.rejects(
      catalogue.save(policyId, 'jsonlogic/1', { ...TERMS, budgets: { '2026': 5_000 } }, 'kx-01'),
      BudgetBelowCommittedError,
    );
    await assert.rejects(
      db('policy_payout.budgets').where({ policy_id: policyId }).update({ committed_fen: 60_000 }),
      /budget_never_exceeded/,
    );
  });

  it('shares a pro-rata budget among the claims, never above it in sum', async function () {
    const policyId = await newPolicy({ whenBudgetRunsOut: 'pro-rata', budgets: { '2026': 20_000 } });
    for (const i of [1, 2, 3]) {
      await funds.claim({
        policyId,
        year: 2026,
        creditCode: exampleCreditCode(i),
        amountFen: 10_000,
        caseId: `c${i}`,
      });
    }
    const results = await Promise.all(
      [1, 2, 3].map((i) => funds.pay(order(policyId, i, { whenBudgetRunsOut: 'pro-rata' }))),
    );
    assert.deepEqual(
      results.map((r) => (r.outcome === 'paid' ? r.amountFen : 0)),
      [6_666, 6_666, 6_666],
    );
  });

  it('pays from next year’s budget where the policy waits for it, still once for the entitled year', async function () {
    const policyId = await newPolicy({ budgets: { '2026': 10_000, '2027': 30_000 } });
    await funds.pay(order(policyId, 1));
    const exhausted = await funds.pay(order(policyId, 2));
    assert.equal(exhausted.outcome, 'budget-exhausted');
    const next = await funds.pay(order(policyId, 2, { budgetYear: 2027 }));
    assert.ok(next.outcome === 'paid' && next.budgetYear === 2027);
    assert.deepEqual(await funds.budget(policyId, 2027), { budgetFen: 30_000, committedFen: 10_000 });
  });
});
