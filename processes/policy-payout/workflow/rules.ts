/**
 * Policy payout's rules table: who may take which decision at which stage, the ladder of each human task, and the
 * timings. The issuing department differs from policy to policy: the table names every department that may issue
 * one, and the case holds a decision to its own policy's issuer (case.ts); its tasks open at that department.
 *
 * *Assumptions* (the city has published none of these; each is a named figure here): the working days each task
 * has, the reminder halfway through the enterprise's time to confirm, the correction period, the payment attempts,
 * and that an overdue task stays with its department, overdue and visible to supervisors in the Web UI.
 */
import type { FieldRule } from '../../../workflows/kit/refusals';
import type { DecisionRules, Permission } from '../../../workflows/kit/access';
import type { TaskLadder } from '../../../workflows/kit/ladder';
import { financeIncidentRungs } from '../../../workflows/kit/payments';
import type { Department } from '../../../workflows/kit/vocabulary';
import type { BulkDecision, BulkStage } from '../../../workflows/kit/bulk-progress';
import type { PolicyPayoutAction, PolicyPayoutStage } from './contract';

export const POLICY_TIMINGS = {
  completenessWorkingDays: 5,
  /** How long the enterprise has to send what was missing (a reminder halfway), before the application lapses. */
  correctionWorkingDays: 15,
  reviewWorkingDays: 10,
  objectionReviewWorkingDays: 10,
  incidentWorkingDays: 5,
} as const;

/** Attempts at a payment before the case stops in a payment incident (as the other paying processes). */
export const POLICY_PAYMENT_ATTEMPTS = 5;

/** The departments that issue policies in the catalogue (亲清在线: 28 city departments; these are the demo's). */
export const POLICY_ISSUERS = [
  'industry-information',
  'science-technology',
  'commerce',
  'human-resources',
  'market-regulation',
  'intellectual-property',
] as const satisfies readonly Department[];

/** Who takes part: the issuers, the departments whose facts judge, finance who pays, and the catalogue's operator. */
export const POLICY_PAYOUT_DEPARTMENTS = [
  ...POLICY_ISSUERS,
  'tax',
  'city-finance',
  'district-finance',
  'big-data-bureau',
] as const satisfies readonly Department[];

const ENTERPRISE: Permission = { role: 'legal-person', departments: ['enterprise'] };
const issuer = (...roles: ('clerk' | 'supervisor')[]): Permission[] =>
  roles.map((role) => ({ role, departments: POLICY_ISSUERS }));
const FINANCE: Permission = { role: 'finance', departments: ['district-finance', 'city-finance'] };

/** Until the money moves, an enterprise may turn the money down (a 免申即享 offer, or its own application). */
const BEFORE_PAYMENT: readonly PolicyPayoutStage[] = [
  'awaiting-confirmation',
  'completeness-check',
  'awaiting-correction',
  'department-review',
  'public-notice',
  'objection-review',
];

export const POLICY_PAYOUT_RULES: DecisionRules<PolicyPayoutAction, PolicyPayoutStage> = {
  confirm: { permissions: [ENTERPRISE], stages: ['awaiting-confirmation'] },
  decline: { permissions: [ENTERPRISE], stages: BEFORE_PAYMENT },
  completeness: { permissions: issuer('clerk', 'supervisor'), stages: ['completeness-check'] },
  resubmit: { permissions: [ENTERPRISE], stages: ['awaiting-correction'] },
  review: { permissions: issuer('clerk', 'supervisor'), stages: ['department-review'] },
  // Anyone may object to a notice; the issuing department takes the objection in.
  objection: { permissions: issuer('clerk', 'supervisor'), stages: ['public-notice'] },
  'objection-review': { permissions: issuer('supervisor'), stages: ['objection-review'] },
  'resolve-incident': { permissions: [FINANCE], stages: ['payment-incident'] },
};

/** Decisions that only the policy's own issuing department may take. */
export const ISSUER_DECISIONS: readonly PolicyPayoutAction[] = [
  'completeness',
  'review',
  'objection',
  'objection-review',
];
/** Decisions that only the case's own enterprise may take. */
export const ENTERPRISE_DECISIONS: readonly PolicyPayoutAction[] = ['confirm', 'decline', 'resubmit'];

export const POLICY_TASK_KINDS = ['completeness', 'review', 'objection-review', 'payment-incident'] as const;
export type PolicyTaskKind = (typeof POLICY_TASK_KINDS)[number];

const workingDays = (days: number) => ({ days, unit: 'working-days' as const });
/** The first rung of an issuer's task: the department is the policy's issuer, set when the task opens. */
const issuerRung = (role: 'clerk' | 'supervisor', days: number) => ({
  department: 'industry-information' as const,
  role,
  level: 'district' as const,
  ...workingDays(days),
});

export const POLICY_LADDERS: Record<PolicyTaskKind, TaskLadder<PolicyPayoutAction, PolicyPayoutStage>> = {
  completeness: {
    stage: 'completeness-check',
    settledBy: ['completeness'],
    rungs: [issuerRung('clerk', POLICY_TIMINGS.completenessWorkingDays)],
  },
  review: {
    stage: 'department-review',
    settledBy: ['review'],
    rungs: [issuerRung('clerk', POLICY_TIMINGS.reviewWorkingDays)],
  },
  'objection-review': {
    stage: 'objection-review',
    settledBy: ['objection-review'],
    rungs: [issuerRung('supervisor', POLICY_TIMINGS.objectionReviewWorkingDays)],
  },
  // A district's policy is paid by district finance (city finance once overdue); a city policy by city finance.
  'payment-incident': {
    stage: 'payment-incident',
    settledBy: ['resolve-incident'],
    rungs: financeIncidentRungs(
      { district: POLICY_TIMINGS.incidentWorkingDays, city: POLICY_TIMINGS.incidentWorkingDays },
      'working-days',
    ),
  },
};

/** A 免申即享 round is paused and resumed by an issuing department's supervisor (the API holds it to the policy's). */
export const ROUND_RULES: DecisionRules<BulkDecision, BulkStage> = {
  pause: { permissions: issuer('supervisor'), stages: ['running'] },
  resume: { permissions: issuer('supervisor'), stages: ['paused'] },
};

/** What an enterprise's case's decisions are refused for beyond their bodies' schemas (the API's 400 names them). */
export const PAYOUT_DECISION_RULES = {
  completeness: [
    { field: 'missing', rule: 'name what the enterprise must add', zh: '须列明企业需补充的材料' },
  ],
  review: [{ field: 'reasons', rule: 'a refusal states its reasons', zh: '不予通过时须说明理由' }],
  'objection-review': [
    { field: 'reasons', rule: 'a finding on an objection states its reasons', zh: '异议核查结论须说明理由' },
  ],
  resubmit: [{ field: 'materials', rule: 'still missing …', zh: '仍缺少…' }],
} as const satisfies Partial<Record<PolicyPayoutAction, readonly FieldRule[]>>;
