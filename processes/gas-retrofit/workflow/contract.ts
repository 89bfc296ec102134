/**
 * The gas-safety retrofit's contract (docs/sources.md, gas-safety retrofit): its inputs, stages, decisions, queries, updates and
 * workflow IDs, for the workflows, the API and the audit tool alike.
 */
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
import type { CaseCore } from '../../../workflows/kit/case-state';
import { BULK_STAGES, type BulkProgress, type BulkStage } from '../../../workflows/kit/bulk-progress';
import { parseDistrictKey } from '../../../workflows/kit/case-ids';
import type { Actor, Channel, District } from '../../../workflows/kit/vocabulary';
import type { ProcessType } from '../../../workflows/registry';
import type { EligibilityDecision, GasUserType } from '../../../workflows/kit/department-words';
export type { Party, PriceBasis, RetrofitItems, Settlement } from './settlement';
import type { Party, PriceBasis, PricedItem, RetrofitItems, Settlement } from './settlement';

export {
  GAS_USER_TYPES,
  INELIGIBILITY_REASONS,
  type EligibilityDecision,
  type GasUserType,
} from '../../../workflows/kit/department-words';

/** Its workflow types, and the process codes its cases carry (OneThingProcess search attribute, case registry). */
export const GAS_RETROFIT_WORKFLOW_TYPES = {
  household: 'gasRetrofitHousehold',
  campaign: 'gasRetrofitCampaign',
} as const;
export const GAS_RETROFIT_PROCESS_CODES = {
  household: 'gas-retrofit-household',
  campaign: 'gas-retrofit-campaign',
} as const;

/** A gas account reference is a business key issued by the gas company, never personal data. */
export const GAS_ACCOUNT_REF_PATTERN = /^[A-Z0-9][A-Z0-9-]{3,31}$/;

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
  /** Settlement is at the tender price: the case waits here until its district's finance bureau sets one. */
  'awaiting-tender-price',
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

export interface GasRetrofitCaseState extends CaseCore<GasRetrofitStage, GasRetrofitAction> {
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
  serials?: Record<string, string>;
  priceBasis?: PriceBasis;
  settlement?: Settlement;
  /** While settlement waits for the district's tender price: the items that have none yet, and since when. */
  tenderWait?: { missing: PricedItem[]; since: string };
  payments?: PaymentRecord[];
  incident?: { party: Party; message: string; since: string };
  cancellation?: { reason: CancellationReason; by: string };
  calibration?: { nextDueAt: string; lastCalibratedAt: string | null; year: number };
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

export const gasRetrofitStateQuery = defineQuery<GasRetrofitCaseState>('caseState');

/** Sent to every case awaiting a tender price in a district when its finance bureau sets the district's prices. */
export const tenderPricesSetSignal = defineSignal('tender-prices-set');

export function gasRetrofitHouseholdWorkflowId(district: District, accountRef: string): string {
  return `gas-retrofit:${district}:${accountRef}`;
}

/** Parses a household case ID back into its business key; undefined when it is not one. */
export function parseGasRetrofitHouseholdWorkflowId(
  caseId: string,
): { district: District; accountRef: string } | undefined {
  const key = parseDistrictKey(caseId, 'gas-retrofit', GAS_ACCOUNT_REF_PATTERN);
  return key && { district: key.district, accountRef: key.key };
}

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

/** The stages a district campaign shows in OneThingStage: the kit's bulk-start stages. */
export const CAMPAIGN_STAGES = BULK_STAGES;
export type CampaignStage = BulkStage;
export type GasRetrofitCampaignProgress = BulkProgress;

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
  const key = parseDistrictKey(id, 'gas-retrofit-campaign', CAMPAIGN_ID_PATTERN);
  return key && { district: key.district, campaignId: key.key };
}
