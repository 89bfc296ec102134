/**
 * The public contract of OneThing's workflows: names, types, task queues, workflow-ID builders, search-attribute
 * keys, queries and updates. This is the one workflow file that api/ and audit tools may import.
 */
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import type { UpdateDefinition } from '@temporalio/common';
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { Party, PriceBasis, RetrofitItems, Settlement } from './lib/settlement';

export type { Party, PriceBasis, RetrofitItems, Settlement } from './lib/settlement';

/** Zhengzhou's eight urban districts in scope of the retrofit campaign (domain.md, Process 1). */
export const DISTRICTS = {
  zhongyuan: '中原区',
  erqi: '二七区',
  jinshui: '金水区',
  guancheng: '管城回族区',
  huiji: '惠济区',
  zhengdong: '郑东新区',
  gaoxin: '高新区',
  jingkai: '经开区',
} as const;
export type District = keyof typeof DISTRICTS;
export const DISTRICT_CODES = Object.keys(DISTRICTS) as [District, ...District[]];
/** A JWT's district claim: a district code, or `city` for city-level staff. */
export type Jurisdiction = District | 'city';

export const DEPARTMENTS = {
  'gas-safety-office': '城镇燃气安全领导小组办公室',
  'gas-company': '燃气公司',
  installer: '安装队',
  'city-finance': '市财政局',
  'district-finance': '区财政局',
  community: '社区网格',
  'health-commission': '卫健委',
  'civil-affairs': '民政局',
  'market-regulation': '市场监管局',
  education: '教育局',
  'credit-platform': '托育信用平台',
  'petition-office': '信访局',
} as const;
export type Department = keyof typeof DEPARTMENTS;
export const DEPARTMENT_CODES = Object.keys(DEPARTMENTS) as [Department, ...Department[]];

export const ROLES = [
  'clerk',
  'supervisor',
  'auditor',
  'finance',
  'installer',
  'grid-worker',
  'admin',
] as const;
export type Role = (typeof ROLES)[number];

/** Who took an action: carried into workflow history with every accepted decision. */
export interface Actor {
  userId: string;
  department: Department;
  district: Jurisdiction;
  roles: Role[];
}

export const GAS_USER_TYPES = [
  'new-build-residential',
  'residential-pipeline',
  'residential-lpg',
  'non-residential-pipeline',
  'non-residential-lpg',
] as const;
export type GasUserType = (typeof GAS_USER_TYPES)[number];

/** The four channels (四端) through which a citizen reaches a process. */
export const CHANNELS = ['app', 'web', 'window', 'kiosk'] as const;
export type Channel = (typeof CHANNELS)[number];

/** A gas account reference is a business key issued by the gas company, never personal data. */
export const GAS_ACCOUNT_REF_PATTERN = /^[A-Z0-9][A-Z0-9-]{3,31}$/;

export const TASK_QUEUES = {
  /** Default queue for process workflows and their department activities; overridable by config. */
  processes: 'onething-processes',
} as const;

export const PROCESSES = {
  gasRetrofitHousehold: 'gas-retrofit-household',
  gasRetrofitCampaign: 'gas-retrofit-campaign',
} as const;
export type ProcessType = (typeof PROCESSES)[keyof typeof PROCESSES];

export const SEARCH_ATTRIBUTES = {
  process: defineSearchAttributeKey('OneThingProcess', SearchAttributeType.KEYWORD),
  district: defineSearchAttributeKey('OneThingDistrict', SearchAttributeType.KEYWORD),
  stage: defineSearchAttributeKey('OneThingStage', SearchAttributeType.KEYWORD),
  /** The department that must act next (the open task's, else the stage's). */
  department: defineSearchAttributeKey('OneThingDepartment', SearchAttributeType.KEYWORD),
  /** The open task's deadline; unset when nobody is waited on. */
  nextDeadline: defineSearchAttributeKey('OneThingNextDeadline', SearchAttributeType.DATETIME),
  /** True once the open task's deadline has passed; false again when the task closes. */
  overdue: defineSearchAttributeKey('OneThingOverdue', SearchAttributeType.BOOL),
  escalationRung: defineSearchAttributeKey('OneThingEscalationRung', SearchAttributeType.INT),
  /** The settled total in fen, once settled. */
  amountFen: defineSearchAttributeKey('OneThingAmountFen', SearchAttributeType.INT),
  /** The district campaign that started a household case (its campaign ID, a code), if any. */
  campaign: defineSearchAttributeKey('OneThingCampaign', SearchAttributeType.KEYWORD),
} as const;
export const ALL_SEARCH_ATTRIBUTES = Object.values(SEARCH_ATTRIBUTES);

// ---- Gas-safety retrofit: household case -------------------------------------------------------------------

export interface GasRetrofitHouseholdInput {
  district: District;
  accountRef: string;
  userType: GasUserType;
  channel: Channel;
  startedBy: Actor;
  /** What is to be fitted. Absent only in histories from before the full process (eligibility-only slice). */
  items?: RetrofitItems;
  /** Set when the case continues as new to keep its history bounded (yearly calibration of alarms). */
  carriedOver?: GasRetrofitCaseState;
  /** The district campaign that started the case, if any. */
  campaignId?: string;
}

export const GAS_RETROFIT_STAGES = [
  'eligibility-check',
  /** Only in histories of the eligibility-only first slice. */
  'eligible',
  'ineligible',
  'scheduling',
  'installation-scheduled',
  'grid-follow-up',
  'acceptance',
  'settlement',
  'payment',
  'payment-incident',
  'closed',
  'cancelled',
  'settlement-reversed',
  'calibration-watch',
] as const;
export type GasRetrofitStage = (typeof GAS_RETROFIT_STAGES)[number];
export const GAS_RETROFIT_TERMINAL_STAGES: readonly GasRetrofitStage[] = [
  'eligible',
  'ineligible',
  'closed',
  'cancelled',
  'settlement-reversed',
];

export const INELIGIBILITY_REASONS = [
  'account-not-found',
  'account-closed',
  'district-mismatch',
  'user-type-mismatch',
] as const;
export type IneligibilityReason = (typeof INELIGIBILITY_REASONS)[number];

export type EligibilityDecision =
  | { outcome: 'eligible'; checkedAt: string; checkId: string }
  | { outcome: 'ineligible'; reason: IneligibilityReason; checkedAt: string; checkId: string };

export const CANCELLATION_REASONS = ['resident-withdrew', 'account-closed'] as const;
export type CancellationReason = (typeof CANCELLATION_REASONS)[number];

export interface InstallationBooking {
  bookingId: string;
  teamId: string;
  day: string;
}

export interface PaymentRecord {
  party: Party;
  amountFen: number;
  idempotencyKey: string;
  entryId: string;
  reversed: boolean;
}

export interface DecisionRecord {
  action: GasRetrofitAction;
  by: Actor;
  /** Workflow time of the decision (ISO 8601). */
  at: string;
  detail: string;
}

export interface OpenTaskSummary {
  taskId: string;
  kind: string;
  department: Department;
  role: Role;
  dueAt: string;
  escalationRung: number;
  /** Set when a deadline of this task has passed (escalated, or nobody left to escalate to). */
  overdue?: boolean;
}

export interface GasRetrofitCaseState {
  caseId: string;
  process: ProcessType;
  district: District;
  accountRef: string;
  userType: GasUserType;
  channel: Channel;
  stage: GasRetrofitStage;
  items?: RetrofitItems;
  eligibility?: EligibilityDecision;
  booking?: InstallationBooking;
  misses?: number;
  reworks?: number;
  openTask?: OpenTaskSummary;
  serials?: Record<string, string>;
  priceBasis?: PriceBasis;
  settlement?: Settlement;
  payments?: PaymentRecord[];
  incident?: { party: Party; message: string; since: string };
  cancellation?: { reason: CancellationReason; by: string };
  calibration?: { nextDueAt: string; lastCalibratedAt: string | null; year: number };
  decisions?: DecisionRecord[];
  /** Increases with every stage change; carried across continue-as-new. */
  revision?: number;
}

// Decisions taken on a household case: each is an Update whose validator checks the actor.
export const GAS_RETROFIT_ACTIONS = [
  'reschedule',
  'record-miss',
  'report-installation',
  'acceptance',
  'grid-follow-up',
  'resolve-incident',
  'cancel',
  'record-calibration',
] as const;
export type GasRetrofitAction = (typeof GAS_RETROFIT_ACTIONS)[number];

export interface RescheduleArgs {
  actor: Actor;
  /** YYYY-MM-DD; the earliest day the resident can receive the installers. */
  preferredDay?: string;
}
export interface RecordMissArgs {
  actor: Actor;
  note?: string;
}
export interface ReportInstallationArgs {
  actor: Actor;
  /** Serial numbers of the fitted parts, e.g. { valve: 'ZV-2026-000123', hose: 'MH-88812' }. */
  serials: Record<string, string>;
}
export interface AcceptanceArgs {
  actor: Actor;
  result: 'pass' | 'fail';
  reason?: string;
}
export interface GridFollowUpArgs {
  actor: Actor;
  outcome: 'rebook' | 'withdrawn';
  note?: string;
}
export interface ResolveIncidentArgs {
  actor: Actor;
  action: 'retry' | 'compensate';
}
export interface CancelArgs {
  actor: Actor;
  reason: CancellationReason;
}
export interface RecordCalibrationArgs {
  actor: Actor;
  certificateRef: string;
}

export interface GasRetrofitActionArgs {
  reschedule: RescheduleArgs;
  'record-miss': RecordMissArgs;
  'report-installation': ReportInstallationArgs;
  acceptance: AcceptanceArgs;
  'grid-follow-up': GridFollowUpArgs;
  'resolve-incident': ResolveIncidentArgs;
  cancel: CancelArgs;
  'record-calibration': RecordCalibrationArgs;
}

export const gasRetrofitUpdates: {
  [A in GasRetrofitAction]: UpdateDefinition<GasRetrofitCaseState, [GasRetrofitActionArgs[A]], A>;
} = {
  reschedule: defineUpdate('reschedule'),
  'record-miss': defineUpdate('record-miss'),
  'report-installation': defineUpdate('report-installation'),
  acceptance: defineUpdate('acceptance'),
  'grid-follow-up': defineUpdate('grid-follow-up'),
  'resolve-incident': defineUpdate('resolve-incident'),
  cancel: defineUpdate('cancel'),
  'record-calibration': defineUpdate('record-calibration'),
};

/** Failure types of department activities that the workflow (and operators reading the Web UI) tell apart. */
export const ACTIVITY_FAILURES = {
  noInstallerCapacity: 'NoInstallerCapacity',
  tenderPriceMissing: 'TenderPriceMissing',
  settlementRule: 'SettlementRuleViolation',
} as const;

/** ApplicationFailure types a refused decision carries; the API maps them to 403 / 409 / 400. */
export const DECISION_REFUSALS = {
  forbidden: 'DecisionForbidden',
  wrongStage: 'DecisionNotAllowedAtStage',
  invalid: 'DecisionInvalid',
} as const;

export const gasRetrofitStateQuery = defineQuery<GasRetrofitCaseState>('caseState');

export function gasRetrofitHouseholdWorkflowId(district: District, accountRef: string): string {
  return `gas-retrofit:${district}:${accountRef}`;
}

/** Parses a household case ID back into its business key; undefined when it is not one. */
export function parseGasRetrofitHouseholdWorkflowId(
  caseId: string,
): { district: District; accountRef: string } | undefined {
  const [prefix, district, accountRef, ...rest] = caseId.split(':');
  if (prefix !== 'gas-retrofit' || rest.length > 0 || !district || !accountRef) return undefined;
  if (!(DISTRICT_CODES as string[]).includes(district) || !GAS_ACCOUNT_REF_PATTERN.test(accountRef))
    return undefined;
  return { district: district as District, accountRef };
}

/** Workflow type names, for clients that must not import workflow code. */
export const WORKFLOW_TYPES = {
  gasRetrofitHousehold: 'gasRetrofitHousehold',
  gasRetrofitCampaign: 'gasRetrofitCampaign',
} as const;
export type GasRetrofitHouseholdWorkflow = (
  input: GasRetrofitHouseholdInput,
) => Promise<GasRetrofitCaseState>;

// ---- Gas-safety retrofit: district campaign -----------------------------------------------------------------

export interface GasRetrofitCampaignInput {
  campaignId: string;
  district: District;
  startedBy: Actor;
  /** Households started per minute at most: what installers and department systems can bear. */
  householdsPerMinute: number;
  /** Accounts read from the gas company's backlog per page. */
  pageSize: number;
  /** Carried across continue-as-new. */
  progress?: GasRetrofitCampaignProgress;
}

/** The stages a district campaign shows in OneThingStage. */
export const CAMPAIGN_STAGES = ['running', 'paused', 'finished'] as const;
export type CampaignStage = (typeof CAMPAIGN_STAGES)[number];

export interface GasRetrofitCampaignProgress {
  /** The last account handled; the next page starts after it. */
  cursor: string | null;
  started: number;
  alreadyStarted: number;
  pages: number;
  paused: boolean;
  finished: boolean;
  lastDecision?: { action: 'pause' | 'resume'; by: string; at: string };
}

export interface CampaignDecisionArgs {
  actor: Actor;
}

export const gasRetrofitCampaignProgressQuery = defineQuery<GasRetrofitCampaignProgress>('campaignProgress');
export const gasRetrofitCampaignUpdates = {
  pause: defineUpdate<GasRetrofitCampaignProgress, [CampaignDecisionArgs], 'pause'>('pause'),
  resume: defineUpdate<GasRetrofitCampaignProgress, [CampaignDecisionArgs], 'resume'>('resume'),
};
export type GasRetrofitCampaignWorkflow = (
  input: GasRetrofitCampaignInput,
) => Promise<GasRetrofitCampaignProgress>;

export const CAMPAIGN_ID_PATTERN = /^[a-z0-9][a-z0-9-]{1,39}$/;

export function gasRetrofitCampaignWorkflowId(district: District, campaignId: string): string {
  return `gas-retrofit-campaign:${district}:${campaignId}`;
}

export function parseGasRetrofitCampaignWorkflowId(
  id: string,
): { district: District; campaignId: string } | undefined {
  const [prefix, district, campaignId, ...rest] = id.split(':');
  if (prefix !== 'gas-retrofit-campaign' || rest.length > 0 || !district || !campaignId) return undefined;
  if (!(DISTRICT_CODES as string[]).includes(district) || !CAMPAIGN_ID_PATTERN.test(campaignId))
    return undefined;
  return { district: district as District, campaignId };
}
