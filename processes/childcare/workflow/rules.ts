/**
 * The childcare subsidy's rules table: who may take which decision on an application, at which stage; the
 * escalation ladder of each human task, in working days; and the yearly quality rewards.
 *
 * *Assumptions* (the city has published none of these; each is a named figure here): who decides each step, the
 * deadlines, where an overdue task goes (district → city health commission; district → city finance), and the
 * reward per quality grade.
 */
import type { FieldRule } from '../../../workflows/kit/refusals';
import type { DecisionRules } from '../../../workflows/kit/access';
import type { TaskLadder } from '../../../workflows/kit/ladder';
import { CHILDCARE_STAGES, type ChildcareAction, type ChildcareStage, type QualityGrade } from './contract';

export const CHILDCARE_TIMINGS = {
  completenessWorkingDays: 5,
  /** How long the provider has to correct a returned application (the health commission chases it). */
  correctionWorkingDays: 10,
  inspectionWorkingDays: 10,
  approvalWorkingDays: 5,
  evaluationWorkingDays: 20,
  /** How long each rung after the first has before the task passes up again (it then stays overdue). */
  escalationWorkingDays: 3,
  qualityEvaluationIntervalDays: 365,
} as const;

/** *Assumption*: attempts at a payment before the case stops in a payment incident (as the retrofit's). */
export const CHILDCARE_PAYMENT_ATTEMPTS = 5;

/** *Assumption*: the yearly quality reward per grade, in fen (质量评估结果给予奖补; the amounts are the city's). */
export const QUALITY_REWARDS_FEN: Record<QualityGrade, number> = {
  A: 5_000_000,
  B: 2_000_000,
  C: 0,
  D: 0,
};

/** The departments that take part; staff of other processes' departments have no business here. */
export const CHILDCARE_DEPARTMENTS = [
  'health-commission',
  'district-finance',
  'city-finance',
  'market-regulation',
  'civil-affairs',
  'credit-platform',
  'fire-safety',
] as const;

const HEALTH_STAFF = (role: 'clerk' | 'supervisor' | 'inspector') => ({
  role,
  departments: ['health-commission'] as const,
});
/** Every stage before the payment, in the case's order. */
const PRE_PAYMENT: readonly ChildcareStage[] = CHILDCARE_STAGES.slice(0, CHILDCARE_STAGES.indexOf('payment'));

export const CHILDCARE_RULES: DecisionRules<ChildcareAction, ChildcareStage> = {
  completeness: {
    permissions: [HEALTH_STAFF('clerk'), HEALTH_STAFF('supervisor')],
    stages: ['completeness-check'],
  },
  // The provider's corrected application, taken in at the health commission's window.
  resubmit: {
    permissions: [HEALTH_STAFF('clerk'), HEALTH_STAFF('supervisor')],
    stages: ['awaiting-correction'],
  },
  inspection: {
    permissions: [HEALTH_STAFF('inspector'), HEALTH_STAFF('supervisor')],
    stages: ['site-inspection'],
  },
  'health-approval': {
    permissions: [HEALTH_STAFF('supervisor')],
    stages: ['health-approval'],
  },
  'finance-approval': {
    permissions: [{ role: 'finance', departments: ['district-finance', 'city-finance'] }],
    stages: ['finance-approval'],
  },
  'quality-evaluation': {
    permissions: [HEALTH_STAFF('supervisor')],
    stages: ['registered'],
  },
  withdraw: {
    permissions: [HEALTH_STAFF('clerk'), HEALTH_STAFF('supervisor')],
    stages: PRE_PAYMENT,
  },
  // A change of staff before the money: after the department checks, the blacklist check runs again.
  'staff-change': {
    permissions: [HEALTH_STAFF('clerk'), HEALTH_STAFF('supervisor')],
    stages: PRE_PAYMENT,
  },
  'resolve-incident': {
    permissions: [{ role: 'finance', departments: ['district-finance', 'city-finance'] }],
    stages: ['payment-incident'],
  },
};

export const CHILDCARE_TASK_KINDS = [
  'completeness',
  'correction',
  'inspection',
  'health-approval',
  'finance-approval',
  'quality-evaluation',
  'payment-incident',
] as const;
export type ChildcareTaskKind = (typeof CHILDCARE_TASK_KINDS)[number];

const workingDays = (days: number) => ({ days, unit: 'working-days' as const });
const cityHealthSupervisor = {
  department: 'health-commission' as const,
  role: 'supervisor' as const,
  level: 'city' as const,
  ...workingDays(CHILDCARE_TIMINGS.escalationWorkingDays),
};

/** District finance first, city finance once overdue: the approval of the money and the incidents of its payment. */
const FINANCE_RUNGS: TaskLadder<ChildcareAction, ChildcareStage>['rungs'] = [
  {
    department: 'district-finance',
    role: 'finance',
    level: 'district',
    ...workingDays(CHILDCARE_TIMINGS.approvalWorkingDays),
  },
  {
    department: 'city-finance',
    role: 'finance',
    level: 'city',
    ...workingDays(CHILDCARE_TIMINGS.escalationWorkingDays),
  },
];

export const CHILDCARE_LADDERS: Record<ChildcareTaskKind, TaskLadder<ChildcareAction, ChildcareStage>> = {
  completeness: {
    stage: 'completeness-check',
    settledBy: ['completeness'],
    rungs: [
      {
        department: 'health-commission',
        role: 'clerk',
        level: 'district',
        ...workingDays(CHILDCARE_TIMINGS.completenessWorkingDays),
      },
      cityHealthSupervisor,
    ],
  },
  correction: {
    stage: 'awaiting-correction',
    settledBy: ['resubmit'],
    rungs: [
      {
        department: 'health-commission',
        role: 'clerk',
        level: 'district',
        ...workingDays(CHILDCARE_TIMINGS.correctionWorkingDays),
      },
      cityHealthSupervisor,
    ],
  },
  inspection: {
    stage: 'site-inspection',
    settledBy: ['inspection'],
    rungs: [
      {
        department: 'health-commission',
        role: 'inspector',
        level: 'district',
        ...workingDays(CHILDCARE_TIMINGS.inspectionWorkingDays),
      },
      cityHealthSupervisor,
    ],
  },
  'health-approval': {
    stage: 'health-approval',
    settledBy: ['health-approval'],
    rungs: [
      {
        department: 'health-commission',
        role: 'supervisor',
        level: 'district',
        ...workingDays(CHILDCARE_TIMINGS.approvalWorkingDays),
      },
      cityHealthSupervisor,
    ],
  },
  'finance-approval': {
    stage: 'finance-approval',
    settledBy: ['finance-approval'],
    rungs: FINANCE_RUNGS,
  },
  'payment-incident': {
    stage: 'payment-incident',
    settledBy: ['resolve-incident'],
    rungs: FINANCE_RUNGS,
  },
  'quality-evaluation': {
    stage: 'registered',
    settledBy: ['quality-evaluation'],
    rungs: [
      {
        department: 'health-commission',
        role: 'supervisor',
        level: 'district',
        ...workingDays(CHILDCARE_TIMINGS.evaluationWorkingDays),
      },
      cityHealthSupervisor,
    ],
  },
};

const REFUSAL_REASONS = {
  field: 'reasons',
  rule: 'a refusal states its reasons',
  zh: '不予通过时须说明理由',
} as const;

/** What an application's decisions are refused for beyond their bodies' schemas (the API's 400 names them). */
export const CHILDCARE_DECISION_RULES = {
  completeness: [
    { field: 'missing', rule: 'name what the provider must correct', zh: '须列明机构需补正的材料' },
  ],
  inspection: [
    { field: 'reason', rule: 'is required when the inspection fails', zh: '核查不合格时须说明理由' },
  ],
  'health-approval': [REFUSAL_REASONS],
  'finance-approval': [REFUSAL_REASONS],
  'staff-change': [
    { field: 'changeId', rule: 'must name a proposed staff change', zh: '须指明拟变更的从业人员名单' },
    { field: 'reason', rule: 'a staff change states its reason', zh: '变更从业人员须说明理由' },
  ],
} as const satisfies Partial<Record<ChildcareAction, readonly FieldRule[]>>;
