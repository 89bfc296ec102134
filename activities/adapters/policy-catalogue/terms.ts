/**
 * A policy as the catalogue (亲清在线) keeps it: data, not code. Its issuing department maintains it through the API;
 * each change is a new version, and a case keeps the version it was judged by.
 */
import type { Department, District, Jurisdiction } from '../../../workflows/kit/vocabulary';

export const POLICY_KINDS = ['subsidy', 'reward', 'honour'] as const;
/** 免申即享: found from the departments' data and paid without applying; or applied for by the enterprise. */
export const POLICY_MODES = ['automatic', 'application'] as const;
export const REVIEW_MODES = ['automatic', 'department'] as const;
/** When the year's budget cannot pay a case in full: refuse it, pay every claim in proportion, or pay next year. */
export const BUDGET_EXHAUSTION_RULES = ['first-come', 'pro-rata', 'next-year'] as const;
export type BudgetExhaustionRule = (typeof BUDGET_EXHAUSTION_RULES)[number];

/** A rule in JsonLogic (jsonlogic.com) over the named facts (facts.ts); the catalogue checks its operators. */
export type Logic = unknown;

export interface EligibilityRule {
  /** What the rule says, in the policy's own words (shown in the case and to the enterprise). */
  name: string;
  logic: Logic;
}

export type AmountRule =
  | { kind: 'fixed'; fen: number }
  | { kind: 'per-unit'; fact: string; fenPerUnit: number; capFen?: number }
  | { kind: 'percentage'; fact: string; basisPoints: number; capFen: number }
  /** An honour: conferred, nothing paid. */
  | { kind: 'none' };

export interface PolicyTerms {
  title: string;
  /** The document it rests on, e.g. 郑政〔2025〕12号 第三条. */
  legalBasis: string;
  issuer: { department: Department; area: Jurisdiction };
  kind: (typeof POLICY_KINDS)[number];
  mode: (typeof POLICY_MODES)[number];
  /** The areas whose enterprises it serves (a district's policy serves that district only). */
  scope: District[];
  eligibility: EligibilityRule[];
  amount: AmountRule;
  /** Days (Beijing) between which cases may be started: rounds run and applications are taken. */
  window: { opens: string; closes: string };
  review: (typeof REVIEW_MODES)[number];
  /** The public notice (公示) of the payee list, in working days; 0 where the policy document sets none. */
  noticeWorkingDays: number;
  /** 免申即享: how long the enterprise has to confirm its account or decline (a reminder halfway), working days. */
  confirmWorkingDays: number;
  /** Application mode: the materials a complete application carries. */
  materials: string[];
  whenBudgetRunsOut: BudgetExhaustionRule;
  /** The budget per year, fen. */
  budgets: Record<string, number>;
}

/** The version a case was judged by: the catalogue's key, the version, and the language its rules are written in. */
export interface PolicyVersion {
  policyId: string;
  version: number;
  ruleLanguage: string;
  terms: PolicyTerms;
}
