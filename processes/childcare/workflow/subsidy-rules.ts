/**
 * The construction-subsidy rules (docs/sources.md, childcare), each one named function giving a result that names its
 * rule. The subsidy check (API) and the case (workflow) both judge an application with `checkSubsidy`.
 *
 * *Assumptions*, each a named figure the city can change: which operators are "similar" to 公建民营 and 民办公助
 * (`SUBSIDISED_KINDS`); which of the two amounts applies when the source names both (`SUBSIDY_AMOUNT_RULE`).
 */
import type { DepartmentFindings, ProviderFacts, ProviderKind, ProviderLevel } from './provider';

const CHILDCARE_SUBSIDY = {
  /** ¥10,000 per slot. */
  perSlotFen: 1_000_000,
  /** 60% of the total construction investment. */
  investmentSharePercent: 60,
  minimumRecordingDays: 90,
} as const;

/**
 * The city's slot targets per community, street and township (2025, 2023): coverage targets, not conditions of the
 * subsidy (docs/sources.md, childcare). Only runs recorded before that correction judged an application by them.
 */
const SLOT_TARGETS: Record<ProviderLevel, number> = { community: 20, street: 50, township: 30 };

/** *Assumption*: the operators the subsidy names (公建民营, 民办公助); "and similar" (等) adds none until the city says. */
const SUBSIDISED_KINDS: readonly ProviderKind[] = ['public-built-private-run', 'private-public-aided'];

/**
 * *Assumption*: the source gives ¥10,000 a slot or 60% of the investment under the same condition, never both,
 * and does not say which: the lower of the two, so a subsidy never exceeds 60% of what was invested.
 */
export const SUBSIDY_AMOUNT_RULES = ['lower-of-the-two', 'per-slot', 'investment-share'] as const;
export type SubsidyAmountRule = (typeof SUBSIDY_AMOUNT_RULES)[number];
const SUBSIDY_AMOUNT_RULE: SubsidyAmountRule = 'lower-of-the-two';

/** Every rule a case may show; `minimum-slots` only on runs recorded before the slot targets became coverage. */
export const SUBSIDY_RULE_NAMES = [
  'inclusive-community-point',
  'no-higher-level-subsidy',
  'minimum-slots',
  'monitoring-and-alarm-24h',
  'video-covers-all-areas',
  'recordings-kept-90-days',
  'price-under-ceiling',
  'no-blacklisted-staff',
  'clean-credit-record',
] as const;
export type SubsidyRuleName = (typeof SUBSIDY_RULE_NAMES)[number];

export interface RuleResult {
  rule: SubsidyRuleName;
  passed: boolean;
  /** What the rule asks and what the application has, in words. */
  detail: string;
}

const result = (rule: SubsidyRuleName, passed: boolean, detail: string): RuleResult => ({
  rule,
  passed,
  detail,
});

export function inclusiveCommunityPoint({ kind, level }: ProviderFacts): RuleResult {
  return result(
    'inclusive-community-point',
    level === 'community' && SUBSIDISED_KINDS.includes(kind),
    `for community points run as ${SUBSIDISED_KINDS.join(' or ')}; this is a ${kind} ${level} provider`,
  );
}

export function noHigherLevelSubsidy({ higherLevelSubsidyReceived }: ProviderFacts): RuleResult {
  return result(
    'no-higher-level-subsidy',
    !higherLevelSubsidyReceived,
    higherLevelSubsidyReceived
      ? 'a higher-level construction subsidy was received already'
      : 'no higher-level construction subsidy received',
  );
}

/** No longer a condition (a coverage target); kept for runs recorded before that, which replay with it. */
export function minimumSlots({ level, slots }: ProviderFacts): RuleResult {
  const minimum = SLOT_TARGETS[level];
  return result(
    'minimum-slots',
    slots >= minimum,
    `a ${level} provider needs at least ${minimum} slots; it has ${slots}`,
  );
}

export function monitoringAndAlarm24h({ monitoring24hWithAlarm }: ProviderFacts): RuleResult {
  return result('monitoring-and-alarm-24h', monitoring24hWithAlarm, '24-hour monitoring with an alarm');
}

export function videoCoversAllAreas({ videoCoversAllAreas }: ProviderFacts): RuleResult {
  return result('video-covers-all-areas', videoCoversAllAreas, 'video covering every childcare area');
}

export function recordingsKept90Days({ recordingRetentionDays }: ProviderFacts): RuleResult {
  const minimum = CHILDCARE_SUBSIDY.minimumRecordingDays;
  return result(
    'recordings-kept-90-days',
    recordingRetentionDays >= minimum,
    `recordings kept at least ${minimum} days; kept ${recordingRetentionDays}`,
  );
}

export function priceUnderCeiling(
  { monthlyPriceFen }: ProviderFacts,
  { priceCeilingFen }: DepartmentFindings,
): RuleResult {
  if (priceCeilingFen === undefined) {
    return result(
      'price-under-ceiling',
      false,
      'market regulation has published no price ceiling for the district and year',
    );
  }
  return result(
    'price-under-ceiling',
    monthlyPriceFen <= priceCeilingFen,
    `monthly price with meals at most ${priceCeilingFen} fen; it is ${monthlyPriceFen} fen`,
  );
}

export function noBlacklistedStaff(
  _facts: ProviderFacts,
  { blacklistedStaff }: DepartmentFindings,
): RuleResult {
  return result(
    'no-blacklisted-staff',
    blacklistedStaff === 0,
    blacklistedStaff === 0
      ? 'no staff member on the blacklist'
      : `${blacklistedStaff} staff on the blacklist`,
  );
}

export function cleanCreditRecord(
  _facts: ProviderFacts,
  { creditRecordClean }: DepartmentFindings,
): RuleResult {
  return result(
    'clean-credit-record',
    creditRecordClean,
    creditRecordClean
      ? 'clean record on the childcare credit platform'
      : 'the credit platform holds adverse records',
  );
}

type Rule = (facts: ProviderFacts, findings: DepartmentFindings) => RuleResult;

/** The source's conditions: the operator and level, no higher-level subsidy, the standards, the price, the staff. */
const RULES: readonly Rule[] = [
  inclusiveCommunityPoint,
  noHigherLevelSubsidy,
  monitoringAndAlarm24h,
  videoCoversAllAreas,
  recordingsKept90Days,
  priceUnderCeiling,
  noBlacklistedStaff,
  cleanCreditRecord,
];

export interface SubsidyAmount {
  perSlotFen: number;
  investmentShareFen: number;
  applied: 'per-slot' | 'investment-share';
  rule: SubsidyAmountRule;
  amountFen: number;
}

/** Both amounts, and the one the amount rule grants (never both: 不重复享受). */
export function subsidyAmount(
  { slots, constructionInvestmentFen }: Pick<ProviderFacts, 'slots' | 'constructionInvestmentFen'>,
  rule: SubsidyAmountRule = SUBSIDY_AMOUNT_RULE,
): SubsidyAmount {
  const perSlotFen = slots * CHILDCARE_SUBSIDY.perSlotFen;
  // Integer fen, rounded down: a share never pays a fraction of a fen more than 60%.
  const investmentShareFen = Math.floor(
    (constructionInvestmentFen * CHILDCARE_SUBSIDY.investmentSharePercent) / 100,
  );
  const applied =
    rule === 'lower-of-the-two' ? (perSlotFen <= investmentShareFen ? 'per-slot' : 'investment-share') : rule;
  return {
    perSlotFen,
    investmentShareFen,
    applied,
    rule,
    amountFen: applied === 'per-slot' ? perSlotFen : investmentShareFen,
  };
}

interface SubsidyCheck {
  eligible: boolean;
  rules: RuleResult[];
  /** The amount when eligible; both figures are shown either way. */
  amount: SubsidyAmount;
}

/** As runs recorded before the correction judged: with the slot targets as a condition, in their old place. */
const RULES_WITH_SLOT_TARGETS: readonly Rule[] = [...RULES.slice(0, 2), minimumSlots, ...RULES.slice(2)];

export function checkSubsidy(
  facts: ProviderFacts,
  findings: DepartmentFindings,
  rule: SubsidyAmountRule = SUBSIDY_AMOUNT_RULE,
  options: { slotTargetsAsCondition?: boolean } = {},
): SubsidyCheck {
  const rules = (options.slotTargetsAsCondition ? RULES_WITH_SLOT_TARGETS : RULES).map((check) =>
    check(facts, findings),
  );
  return { eligible: rules.every((r) => r.passed), rules, amount: subsidyAmount(facts, rule) };
}
