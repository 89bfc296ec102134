/**
 * Policy payout's contract (亲清在线, docs/sources.md): one case per policy, year and enterprise — found by a
 * 免申即享 round and paid without applying, or applied for by the enterprise — and the rounds that find them. Its
 * stages and decisions, queries, updates and workflow IDs, for the workflow, the API and the audit tool alike.
 */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
import type { PolicyVersion } from '../../../activities/adapters/policy-catalogue/terms';
import type { BulkProgress } from '../../../workflows/kit/bulk-progress';
import type { CaseCore, Due } from '../../../workflows/kit/case-state';
import { parseDistrictKey } from '../../../workflows/kit/case-ids';
import type { PaymentIncident } from '../../../workflows/kit/payments';
import type { Actor, Department, District } from '../../../workflows/kit/vocabulary';
import type { ProcessType } from '../../../workflows/registry';
import type { Judgment } from '../policy/judge';

export const POLICY_PAYOUT_WORKFLOW_TYPES = { payout: 'policyPayout', round: 'policyPayoutRound' } as const;
export const POLICY_PAYOUT_PROCESS_CODES = { payout: 'policy-payout', round: 'policy-payout-round' } as const;

/** The policy as the case was started under it: the catalogue's version, kept for the whole case. */
export type PolicyOfCase = Pick<PolicyVersion, 'policyId' | 'version' | 'terms'>;

export interface PolicyPayoutInput {
  policy: PolicyOfCase;
  year: number;
  creditCode: string;
  /** The enterprise's registered district: the case's district. */
  district: District;
  startedBy: Actor;
  /** 免申即享: the round's judgment, made on the departments' facts when it found the enterprise. */
  judgment?: Judgment;
  /** Application mode: the materials the enterprise submitted (their names; the files stay with 亲清在线). */
  materials?: string[];
  /** Application mode: the account the enterprise is paid to. */
  account?: PayeeAccount;
  /** The round that started the case (免申即享). */
  roundId?: string;
}

export const POLICY_PAYOUT_STAGES = [
  // 免申即享
  'awaiting-confirmation',
  // Application mode
  'completeness-check',
  'awaiting-correction',
  // Both
  'department-review',
  'public-notice',
  'objection-review',
  'payment',
  'awaiting-next-budget',
  'payment-incident',
  'paid',
  'conferred',
  'declined',
  'lapsed',
  'refused',
  'budget-exhausted',
] as const;
export type PolicyPayoutStage = (typeof POLICY_PAYOUT_STAGES)[number];
export const POLICY_PAYOUT_TERMINAL_STAGES: readonly PolicyPayoutStage[] = [
  'paid',
  'conferred',
  'declined',
  'lapsed',
  'refused',
  'budget-exhausted',
];

export const POLICY_PAYOUT_ACTIONS = [
  'confirm',
  'decline',
  'completeness',
  'resubmit',
  'review',
  'objection',
  'objection-review',
  'resolve-incident',
] as const;
export type PolicyPayoutAction = (typeof POLICY_PAYOUT_ACTIONS)[number];

/** Where the money goes: the enterprise's own account, as it confirms it. */
export interface PayeeAccount {
  bank: string;
  accountNumber: string;
}

export interface PolicyPayoutActionArgs {
  /** 免申即享: the enterprise takes the money to this account. */
  confirm: { actor: Actor; account: PayeeAccount };
  decline: { actor: Actor; reason: string };
  completeness: { actor: Actor; outcome: 'complete' | 'return-for-correction'; missing?: string[] };
  /** The enterprise's corrected application: the materials it now submits. */
  resubmit: { actor: Actor; materials: string[]; account: PayeeAccount };
  review: { actor: Actor; decision: 'approve' | 'refuse'; reasons?: string[] };
  /** An objection to the payee list during the notice (公示), taken in by the issuing department. */
  objection: { actor: Actor; summary: string };
  'objection-review': { actor: Actor; finding: 'dismissed' | 'upheld'; reasons: string[] };
  'resolve-incident': { actor: Actor; action: 'retry' };
}

export const policyPayoutUpdates: {
  [A in PolicyPayoutAction]: UpdateDefinition<PolicyPayoutCaseState, [PolicyPayoutActionArgs[A]], A>;
} = {
  confirm: defineUpdate('confirm'),
  decline: defineUpdate('decline'),
  completeness: defineUpdate('completeness'),
  resubmit: defineUpdate('resubmit'),
  review: defineUpdate('review'),
  objection: defineUpdate('objection'),
  'objection-review': defineUpdate('objection-review'),
  'resolve-incident': defineUpdate('resolve-incident'),
};

export interface PolicyPayoutCaseState extends CaseCore<PolicyPayoutStage, PolicyPayoutAction> {
  caseId: string;
  process: ProcessType;
  district: District;
  stage: PolicyPayoutStage;
  policy: PolicyOfCase;
  year: number;
  creditCode: string;
  mode: 'automatic' | 'application';
  judgment?: Judgment;
  /** While the enterprise must act (confirm an offer, send what was missing): until when, and whether reminded. */
  enterpriseDue?: { due: Due; remindAt: string; reminded: boolean };
  account?: PayeeAccount;
  materials?: string[];
  /** How many times the application went back to the enterprise for what was missing (审核补缴漏). */
  corrections: number;
  correction?: { missing: string[]; since: string };
  review?: { by: string; decision: 'approve' | 'refuse'; automatic: boolean };
  /** The public notice of the payee list: until when, and the objections taken in. */
  notice?: { due: Due; objections: { summary: string; by: string; finding?: 'dismissed' | 'upheld' }[] };
  /** The year whose budget pays: the case's own, or the next under a policy that waits for next year's money. */
  budgetYear: number;
  payment?: {
    paymentId: string;
    amountFen: number;
    budgetYear: number;
    idempotencyKey: string;
    paidBy: Department;
  };
  incident?: PaymentIncident<'policy-payment'>;
  /** Why the case ended without money. */
  outcome?: { reason: string; by?: string };
}

export const policyPayoutStateQuery = defineQuery<PolicyPayoutCaseState>('caseState');

/** A policy's key, the year, a credit code. */
const PAYOUT_KEY_PATTERN = /^([a-z0-9][a-z0-9-]{2,39})-(20\d\d)-([0-9A-HJ-NP-RTUW-Y]{18})$/;

export function policyPayoutWorkflowId(
  district: District,
  policyId: string,
  year: number,
  creditCode: string,
) {
  return `policy:${district}:${policyId}-${year}-${creditCode}`;
}

export function parsePolicyPayoutWorkflowId(
  caseId: string,
): { district: District; policyId: string; year: number; creditCode: string } | undefined {
  const key = parseDistrictKey(caseId, 'policy', PAYOUT_KEY_PATTERN);
  const [, policyId, year, creditCode] = key?.key.match(PAYOUT_KEY_PATTERN) ?? [];
  if (!key || !policyId || !creditCode) return undefined;
  return { district: key.district, policyId, year: Number(year), creditCode };
}

/** A 免申即享 round: one per policy, year and district, paging through the district's register. */
export interface PolicyRoundInput {
  policy: PolicyOfCase;
  year: number;
  district: District;
  startedBy: Actor;
  /** Enterprises judged per minute at most, and per page. */
  perMinute: number;
  pageSize: number;
  progress?: BulkProgress;
}

export const policyRoundProgressQuery = defineQuery<BulkProgress>('roundProgress');
export const policyRoundUpdates = {
  pause: defineUpdate<BulkProgress, [{ actor: Actor }], 'pause'>('pause'),
  resume: defineUpdate<BulkProgress, [{ actor: Actor }], 'resume'>('resume'),
};

export function policyRoundWorkflowId(district: District, policyId: string, year: number): string {
  return `policy-round:${district}:${policyId}-${year}`;
}

const ROUND_KEY_PATTERN = /^([a-z0-9][a-z0-9-]{2,39})-(20\d\d)$/;

export function parsePolicyRoundWorkflowId(
  roundId: string,
): { district: District; policyId: string; year: number } | undefined {
  const key = parseDistrictKey(roundId, 'policy-round', ROUND_KEY_PATTERN);
  const [, policyId, year] = key?.key.match(ROUND_KEY_PATTERN) ?? [];
  if (!key || !policyId) return undefined;
  return { district: key.district, policyId, year: Number(year) };
}
