/**
 * The gas retrofit's rules table: who may take which decision on a household case, and at which stage; and the
 * escalation ladder of each human task. Update validators check decisions against it, so a refused decision
 * never reaches history and an accepted one carries its actor into history.
 *
 * *Assumptions* (the city has published none of these; each is a named figure here): who decides each step,
 * the deadlines of the human steps (calendar days) and where an overdue task goes.
 */
import type { FieldRule } from '../../../workflows/kit/refusals';
import type { DecisionRules, Permission } from '../../../workflows/kit/access';
import type { TaskLadder } from '../../../workflows/kit/ladder';
import { financeIncidentRungs } from '../../../workflows/kit/payments';
import type { CampaignStage, GasRetrofitAction, GasRetrofitStage } from './contract';

export const GAS_RETROFIT_TIMINGS = {
  gridFollowUpDays: 3,
  acceptanceDays: 5,
  incidentDays: 2,
  /** How long a district's finance bureau has to set a missing tender price once a case waits for it. */
  tenderPriceDays: 10,
  /** A case awaiting a tender price also looks again this often, should the wake-up signal never come. */
  tenderPriceRecheckHours: 24,
  /** How long each rung after the first has before the task passes up again. */
  escalationDays: 2,
  calibrationIntervalDays: 365,
  calibrationWindowDays: 30,
} as const;

/** *Assumptions* on how often things may go wrong before a person steps in. */
export const GAS_RETROFIT_LIMITS = {
  /** Missed installation visits (nobody home) before the community grid worker follows up. */
  missesBeforeGridFollowUp: 2,
  /** Attempts at booking a party's share before the case stops in a payment incident. */
  paymentAttempts: 5,
} as const;

export const GAS_RETROFIT_RULES: DecisionRules<GasRetrofitAction, GasRetrofitStage> = {
  reschedule: {
    permissions: [{ role: 'clerk', departments: ['gas-company'] }],
    stages: ['installation-scheduled'],
  },
  'record-miss': {
    permissions: [{ role: 'installer', departments: ['installer'] }],
    stages: ['installation-scheduled'],
  },
  'report-installation': {
    permissions: [{ role: 'installer', departments: ['installer'] }],
    stages: ['installation-scheduled'],
  },
  acceptance: {
    permissions: [
      { role: 'clerk', departments: ['gas-company'] },
      // An acceptance left overdue passes to the gas company's supervisor, who may decide it.
      { role: 'supervisor', departments: ['gas-company'] },
    ],
    stages: ['acceptance'],
  },
  'grid-follow-up': {
    permissions: [
      { role: 'grid-worker', departments: ['community'] },
      // After escalation the city's gas-safety office may settle the follow-up itself.
      { role: 'supervisor', departments: ['gas-safety-office'] },
    ],
    stages: ['grid-follow-up'],
  },
  'resolve-incident': {
    permissions: [{ role: 'finance', departments: ['city-finance', 'district-finance'] }],
    stages: ['payment-incident'],
  },
  cancel: {
    permissions: [{ role: 'clerk', departments: ['gas-company', 'gas-safety-office'] }],
    stages: ['scheduling', 'installation-scheduled', 'grid-follow-up'],
  },
  'record-calibration': {
    permissions: [
      { role: 'installer', departments: ['installer'] },
      { role: 'clerk', departments: ['gas-company'] },
      { role: 'supervisor', departments: ['gas-company'] },
    ],
    stages: ['calibration-watch'],
  },
};

/** The departments that take part in the retrofit; staff of other processes' departments have no business here. */
export const GAS_RETROFIT_DEPARTMENTS = [
  'gas-safety-office',
  'gas-company',
  'installer',
  'community',
  'district-finance',
  'city-finance',
] as const;

/** Pausing and resuming a district campaign: the gas-safety office, or a gas-company clerk. */
const CAMPAIGN_STAFF: readonly Permission[] = [
  { role: 'supervisor', departments: ['gas-safety-office'] },
  { role: 'clerk', departments: ['gas-safety-office', 'gas-company'] },
];

export const CAMPAIGN_RULES: DecisionRules<'pause' | 'resume', CampaignStage> = {
  pause: {
    permissions: CAMPAIGN_STAFF,
    stages: ['running'],
  },
  resume: {
    permissions: CAMPAIGN_STAFF,
    stages: ['paused'],
  },
};

/**
 * Who may set a district's tender prices (PUT /v1/gas-retrofit/tender-prices/{district}): finance, at the
 * district's bureau or the city's.
 */
export const TENDER_PRICE_SETTERS: readonly Permission[] = [
  { role: 'finance', departments: ['district-finance', 'city-finance'] },
];

export const GAS_RETROFIT_TASK_KINDS = [
  'grid-follow-up',
  'acceptance',
  'tender-price',
  'payment-incident',
  'alarm-calibration',
] as const;
export type GasRetrofitTaskKind = (typeof GAS_RETROFIT_TASK_KINDS)[number];

const { escalationDays } = GAS_RETROFIT_TIMINGS;

export const GAS_RETROFIT_LADDERS: Record<
  GasRetrofitTaskKind,
  TaskLadder<GasRetrofitAction, GasRetrofitStage>
> = {
  'grid-follow-up': {
    stage: 'grid-follow-up',
    settledBy: ['grid-follow-up'],
    rungs: [
      {
        department: 'community',
        role: 'grid-worker',
        level: 'district',
        days: GAS_RETROFIT_TIMINGS.gridFollowUpDays,
      },
      { department: 'gas-safety-office', role: 'supervisor', level: 'city', days: escalationDays },
    ],
  },
  acceptance: {
    stage: 'acceptance',
    settledBy: ['acceptance'],
    rungs: [
      {
        department: 'gas-company',
        role: 'clerk',
        level: 'district',
        days: GAS_RETROFIT_TIMINGS.acceptanceDays,
      },
      { department: 'gas-company', role: 'supervisor', level: 'district', days: escalationDays },
    ],
  },
  'tender-price': {
    stage: 'awaiting-tender-price',
    settledBy: { act: "setting the district's tender prices", permissions: TENDER_PRICE_SETTERS },
    rungs: [
      {
        department: 'district-finance',
        role: 'finance',
        level: 'district',
        days: GAS_RETROFIT_TIMINGS.tenderPriceDays,
      },
      { department: 'city-finance', role: 'finance', level: 'city', days: escalationDays },
    ],
  },
  'payment-incident': {
    stage: 'payment-incident',
    settledBy: ['resolve-incident'],
    rungs: financeIncidentRungs({ district: GAS_RETROFIT_TIMINGS.incidentDays, city: escalationDays }),
  },
  'alarm-calibration': {
    stage: 'calibration-watch',
    settledBy: ['record-calibration'],
    rungs: [
      {
        department: 'gas-company',
        role: 'clerk',
        level: 'district',
        days: GAS_RETROFIT_TIMINGS.calibrationWindowDays,
      },
      { department: 'gas-company', role: 'supervisor', level: 'district', days: escalationDays },
    ],
  },
};

/** What a household's decisions are refused for beyond their bodies' schemas (the API's 400 names them). */
export const HOUSEHOLD_DECISION_RULES = {
  'report-installation': [
    { field: 'serials.*', rule: 'is required, the … was fitted', zh: '已安装…，须填写其编号' },
  ],
  acceptance: [{ field: 'reason', rule: 'is required when acceptance fails', zh: '验收不合格时须说明理由' }],
} as const satisfies Partial<Record<GasRetrofitAction, readonly FieldRule[]>>;
