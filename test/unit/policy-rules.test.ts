import assert from 'node:assert/strict';
import fc from 'fast-check';
import { policyTermsSchema } from '../../processes/policy-payout/api/policy-schemas';
import type { EnterpriseFacts } from '../../processes/policy-payout/policy/facts';
import { judge } from '../../processes/policy-payout/policy/judge';
import { ruleProblems, RULE_LANGUAGE, satisfies } from '../../processes/policy-payout/policy/rule-language';
import type { PolicyTerms } from '../../activities/adapters/policy-catalogue/terms';
import { amountFor } from '../../processes/policy-payout/policy/amount';

const FACTS: EnterpriseFacts = {
  market: { status: 'active', industry: 'C39', district: 'gaoxin', yearsRegistered: 12 },
  tax: { creditGrade: 'A', paidLastYearFen: 80_000_000 },
  science: { highTech: true, rdSpendLastYearFen: 300_000_000 },
  ip: { patentsInForce: 14, patentsConvertedLastYear: 3 },
  hr: { insuredEmployees: 120 },
};

const RD_POLICY: PolicyTerms = {
  title: '高新技术企业研发费用后补助',
  legalBasis: '郑政〔2025〕12号 第三条',
  issuer: { department: 'science-technology', area: 'city' },
  kind: 'subsidy',
  mode: 'automatic',
  scope: ['gaoxin', 'jinshui'],
  eligibility: [
    { name: '依法登记且存续', logic: { '==': [{ var: 'market.status' }, 'active'] } },
    { name: '高新技术企业', logic: { '==': [{ var: 'science.highTech' }, true] } },
    { name: '纳税信用A或B级', logic: { in: [{ var: 'tax.creditGrade' }, ['A', 'B']] } },
  ],
  amount: { kind: 'percentage', fact: 'science.rdSpendLastYearFen', basisPoints: 1_000, capFen: 20_000_000 },
  window: { opens: '2026-03-01', closes: '2026-12-31' },
  review: 'automatic',
  noticeWorkingDays: 5,
  confirmWorkingDays: 10,
  materials: [],
  whenBudgetRunsOut: 'first-come',
  budgets: { '2026': 500_000_000 },
};

describe('policy rules: JsonLogic over the departments’ facts', () => {
  it('judges each rule and counts the amount, capped', () => {
    const judgment = judge(
      { policyId: 'rd', version: 1, ruleLanguage: RULE_LANGUAGE, terms: RD_POLICY },
      FACTS,
      '2026-12-07',
    );
    assert.equal(judgment.eligible, true);
    assert.deepEqual(
      judgment.rules.map((rule) => rule.passed),
      [true, true, true],
    );
    assert.equal(judgment.amountFen, 20_000_000); // 10 % of ¥3,000,000 is ¥300,000, capped at ¥200,000
  });

  it('fails a rule on a fact the department does not hold (null), never passes it', () => {
    const facts = { ...FACTS, tax: { creditGrade: null, paidLastYearFen: null } };
    const judgment = judge(
      { policyId: 'rd', version: 1, ruleLanguage: RULE_LANGUAGE, terms: RD_POLICY },
      facts,
      '2026-12-07',
    );
    assert.equal(judgment.eligible, false);
    assert.deepEqual(
      judgment.rules.map((rule) => rule.passed),
      [true, true, false],
    );
    assert.equal(satisfies({ '>=': [{ var: 'tax.paidLastYearFen' }, 1] }, facts), false);
  });

  it('refuses operators outside the list and facts no department holds, naming where', () => {
    assert.deepEqual(ruleProblems({ and: [{ '==': [{ var: 'market.status' }, 'active'] }] }), []);
    assert.match(ruleProblems({ merge: [[1], [2]] }).join(), /logic: the operator is not one of/);
    assert.match(
      ruleProblems({ and: [{ '>': [{ var: 'owner.age' }, 1] }] }).join(),
      /logic\.and\[0\]\.>\[0\]\.var: names no fact/,
    );
    assert.match(ruleProblems({ '==': [1, 1], '!=': [1, 2] }).join(), /exactly one operator/);
    let deep: unknown = true;
    for (let i = 0; i < 20; i += 1) deep = { '!!': [deep] };
    assert.match(ruleProblems(deep).join(), /nested deeper than 12/);
  });

  it('counts fixed, per-unit and percentage amounts in whole fen, never above a cap', () => {
    fc.assert(
      fc.property(
        fc.nat(10_000_000_000_000),
        fc.integer({ min: 1, max: 10_000 }),
        fc.nat(1_000_000_000),
        (base, bp, cap) => {
          const amount = amountFor(
            { kind: 'percentage', fact: 'tax.paidLastYearFen', basisPoints: bp, capFen: cap },
            base,
          );
          assert.ok(Number.isInteger(amount) && amount >= 0 && amount <= cap);
          assert.ok(amount <= (base * bp) / 10_000 + 1e-6);
        },
      ),
    );
    assert.equal(
      amountFor({ kind: 'per-unit', fact: 'ip.patentsConvertedLastYear', fenPerUnit: 5_000_000 }, 3),
      15_000_000,
    );
    assert.equal(
      amountFor(
        { kind: 'per-unit', fact: 'ip.patentsConvertedLastYear', fenPerUnit: 5_000_000, capFen: 10_000_000 },
        3,
      ),
      10_000_000,
    );
    assert.equal(amountFor({ kind: 'fixed', fen: 100 }, null), 100);
    assert.equal(amountFor({ kind: 'none' }, 5), 0);
  });
});

describe('policy terms as the catalogue takes them', () => {
  const problems = (terms: unknown) => {
    const result = policyTermsSchema.safeParse(terms);
    return result.success
      ? []
      : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  };

  it('takes a well-formed policy', () => assert.deepEqual(problems(RD_POLICY), []));

  it('names the field and the rule of each mistake', () => {
    assert.deepEqual(problems({ ...RD_POLICY, issuer: { department: 'commerce', area: 'erqi' } }), [
      'scope: a district’s policy serves its own district only',
    ]);
    assert.deepEqual(problems({ ...RD_POLICY, window: { opens: '2026-05-01', closes: '2026-04-01' } }), [
      'window.closes: must not be before opens',
    ]);
    assert.deepEqual(problems({ ...RD_POLICY, kind: 'honour' }), [
      'amount.kind: an honour pays nothing (none), and only an honour',
    ]);
    assert.deepEqual(problems({ ...RD_POLICY, mode: 'application' }), [
      'materials: an application-mode policy names the materials it asks for',
    ]);
    assert.match(
      problems({
        ...RD_POLICY,
        eligibility: [{ name: '年龄', logic: { '>': [{ var: 'legalPerson.age' }, 18] } }],
      }).join(),
      /^eligibility\.0\.logic: logic\.>\[0\]\.var: names no fact/,
    );
    assert.match(
      problems({ ...RD_POLICY, amount: { kind: 'per-unit', fact: 'market.status', fenPerUnit: 1 } }).join(),
      /amount\.fact/,
    );
    assert.match(
      problems({ ...RD_POLICY, budgets: { '2026': 1.5 } }).join(),
      /budgets\.2026: must be a whole number of fen/,
    );
  });
});
