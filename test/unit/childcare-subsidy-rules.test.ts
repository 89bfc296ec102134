import assert from 'node:assert/strict';
import fc from 'fast-check';
import { creditCodeCheckCharacter, creditCodeProblem } from '../../workflows/kit/credit-code';
import type { DepartmentFindings, ProviderFacts } from '../../processes/childcare/workflow/provider';
import {
  checkSubsidy,
  cleanCreditRecord,
  inclusiveCommunityPoint,
  minimumSlots,
  monitoringAndAlarm24h,
  noBlacklistedStaff,
  noHigherLevelSubsidy,
  priceUnderCeiling,
  recordingsKept90Days,
  subsidyAmount,
  SUBSIDY_RULE_NAMES,
  videoCoversAllAreas,
} from '../../processes/childcare/workflow/subsidy-rules';

const FACTS: ProviderFacts = {
  kind: 'public-built-private-run',
  level: 'community',
  slots: 30,
  constructionInvestmentFen: 80_000_000,
  higherLevelSubsidyReceived: false,
  monthlyPriceFen: 180_000,
  monitoring24hWithAlarm: true,
  videoCoversAllAreas: true,
  recordingRetentionDays: 90,
};
const FINDINGS: DepartmentFindings = {
  priceCeilingFen: 200_000,
  blacklistedStaff: 0,
  creditRecordClean: true,
};

describe('childcare construction subsidy: each rule on both sides of its boundary', function () {
  it('an application that meets every rule is eligible, and every rule is reported by name', function () {
    const check = checkSubsidy(FACTS, FINDINGS);
    assert.equal(check.eligible, true);
    assert.deepEqual(
      check.rules.map((r) => r.rule),
      SUBSIDY_RULE_NAMES.filter((name) => name !== 'minimum-slots'),
    );
  });

  it('a 19-slot community point is eligible: the slot targets are coverage targets, not conditions', function () {
    const small = { ...FACTS, slots: 19 };
    const check = checkSubsidy(small, FINDINGS);
    assert.equal(check.eligible, true);
    assert.equal(check.amount.amountFen, 19_000_000, '¥190,000, lower than 60% of ¥800,000');
    // 60% of ¥300,000 = ¥180,000 is lower than ¥190,000: the lower of the two applies.
    const cheap = checkSubsidy({ ...small, constructionInvestmentFen: 30_000_000 }, FINDINGS).amount;
    assert.deepEqual([cheap.applied, cheap.amountFen], ['investment-share', 18_000_000]);
    // Runs recorded before the correction judged by the targets, and replay that way.
    const before = checkSubsidy(small, FINDINGS, undefined, { slotTargetsAsCondition: true });
    assert.equal(before.eligible, false);
    assert.deepEqual(
      before.rules.map((r) => r.rule),
      [...SUBSIDY_RULE_NAMES],
    );
  });

  it('inclusive community point: 公建民营 and 民办公助 community points only', function () {
    assert.equal(inclusiveCommunityPoint(FACTS).passed, true);
    assert.equal(inclusiveCommunityPoint({ ...FACTS, kind: 'private-public-aided' }).passed, true);
    for (const kind of ['public', 'workplace', 'kindergarten-class'] as const) {
      assert.equal(inclusiveCommunityPoint({ ...FACTS, kind }).passed, false, kind);
    }
    assert.equal(inclusiveCommunityPoint({ ...FACTS, level: 'street', slots: 60 }).passed, false);
  });

  it('no higher-level construction subsidy received', function () {
    assert.equal(noHigherLevelSubsidy(FACTS).passed, true);
    assert.equal(noHigherLevelSubsidy({ ...FACTS, higherLevelSubsidyReceived: true }).passed, false);
  });

  it('the old minimum-slots rule (runs before the correction): community 20, street 50, township 30', function () {
    for (const [level, minimum] of [
      ['community', 20],
      ['street', 50],
      ['township', 30],
    ] as const) {
      assert.equal(minimumSlots({ ...FACTS, level, slots: minimum }).passed, true, `${level} at ${minimum}`);
      assert.equal(minimumSlots({ ...FACTS, level, slots: minimum - 1 }).passed, false, `${level} below`);
    }
  });

  it('24-hour monitoring with alarm, video over all areas, recordings kept at least 90 days', function () {
    assert.equal(monitoringAndAlarm24h({ ...FACTS, monitoring24hWithAlarm: false }).passed, false);
    assert.equal(videoCoversAllAreas({ ...FACTS, videoCoversAllAreas: false }).passed, false);
    assert.equal(recordingsKept90Days({ ...FACTS, recordingRetentionDays: 90 }).passed, true);
    assert.equal(recordingsKept90Days({ ...FACTS, recordingRetentionDays: 89 }).passed, false);
  });

  it('price at or under the published ceiling; no ceiling is a refusal, not a pass', function () {
    assert.equal(priceUnderCeiling({ ...FACTS, monthlyPriceFen: 200_000 }, FINDINGS).passed, true);
    assert.equal(priceUnderCeiling({ ...FACTS, monthlyPriceFen: 200_001 }, FINDINGS).passed, false);
    const none = priceUnderCeiling(FACTS, { ...FINDINGS, priceCeilingFen: undefined });
    assert.equal(none.passed, false);
    assert.match(none.detail, /no price ceiling/);
  });

  it('no blacklisted staff; a clean credit record', function () {
    assert.equal(noBlacklistedStaff(FACTS, { ...FINDINGS, blacklistedStaff: 1 }).passed, false);
    assert.equal(cleanCreditRecord(FACTS, { ...FINDINGS, creditRecordClean: false }).passed, false);
    const refused = checkSubsidy(FACTS, { ...FINDINGS, blacklistedStaff: 2 });
    assert.equal(refused.eligible, false);
    assert.deepEqual(
      refused.rules.filter((r) => !r.passed).map((r) => r.rule),
      ['no-blacklisted-staff'],
    );
  });

  it('the amount: ¥10,000 a slot or 60% of the investment, the lower by default, never both', function () {
    // 30 slots: ¥300,000 a slot-count; 60% of ¥800,000 is ¥480,000: per slot applies.
    assert.deepEqual(subsidyAmount(FACTS), {
      perSlotFen: 30_000_000,
      investmentShareFen: 48_000_000,
      applied: 'per-slot',
      rule: 'lower-of-the-two',
      amountFen: 30_000_000,
    });
    // At the crossing: equal amounts take the per-slot figure; a fen less investment share applies instead.
    const crossing = { slots: 30, constructionInvestmentFen: 50_000_000 };
    assert.equal(subsidyAmount(crossing).applied, 'per-slot');
    assert.equal(
      subsidyAmount({ ...crossing, constructionInvestmentFen: 49_999_999 }).applied,
      'investment-share',
    );
    assert.equal(subsidyAmount({ ...crossing, constructionInvestmentFen: 49_999_999 }).amountFen, 29_999_999);
    assert.equal(subsidyAmount(FACTS, 'investment-share').amountFen, 48_000_000);
  });

  it('the amount never exceeds 60% of the investment nor ¥10,000 a slot (fast-check)', function () {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2_000 }),
        fc.integer({ min: 1, max: 10_000_000_000 }),
        (slots, investment) => {
          const { amountFen, perSlotFen, investmentShareFen } = subsidyAmount({
            slots,
            constructionInvestmentFen: investment,
          });
          assert.equal(amountFen, Math.min(perSlotFen, investmentShareFen));
          assert.ok(amountFen * 100 <= investment * 60);
          assert.ok(amountFen <= slots * 1_000_000);
          assert.ok(Number.isInteger(amountFen));
        },
      ),
    );
  });
});

describe('unified social credit code (GB 32100-2015)', function () {
  const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  it('accepts the standard’s example and refuses a wrong check character, length or letter', function () {
    assert.equal(creditCodeProblem('91350100M000100Y43'), undefined);
    assert.equal(creditCodeProblem('91350100M000100Y44'), 'checkCharacter');
    assert.equal(creditCodeProblem('91350100M000100Y4'), 'length');
    assert.equal(creditCodeProblem('91350100M000100Y435'), 'length');
    for (const letter of ['I', 'O', 'S', 'V', 'Z', 'a']) {
      assert.equal(creditCodeProblem(`91350100M000100${letter}43`), 'alphabet', letter);
    }
  });

  it('every code with its computed check character is well formed; any other check character is not', function () {
    const char = fc.constantFrom(...ALPHABET);
    fc.assert(
      fc.property(fc.array(char, { minLength: 17, maxLength: 17 }), char, (chars, other) => {
        const first17 = chars.join('');
        const check = creditCodeCheckCharacter(first17);
        assert.equal(creditCodeProblem(first17 + check), undefined);
        if (other !== check) assert.equal(creditCodeProblem(first17 + other), 'checkCharacter');
      }),
    );
  });
});
