/**
 * The childcare-provider subsidy's contract (docs/sources.md, childcare): a provider's application, its stages and
 * decisions, queries, updates and workflow IDs, for the workflow, the API and the audit tool alike.
 */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
import type { CaseCore } from '../../../workflows/kit/case-state';
import type { PaymentIncident } from '../../../workflows/kit/payments';
import { parseDistrictKey } from '../../../workflows/kit/case-ids';
import type { Actor, Department, District } from '../../../workflows/kit/vocabulary';
import type { ProcessType } from '../../../workflows/registry';
import type { ChildcareService, ProviderFacts, ProviderKind, ProviderLevel } from './provider';
import type { RuleResult, SubsidyAmount } from './subsidy-rules';

/** Its workflow type, and the process code its cases carry (OneThingProcess search attribute, case registry). */
export const CHILDCARE_WORKFLOW_TYPE = 'childcareApplication';
export const CHILDCARE_PROCESS_CODE = 'childcare-application';

/** The provider as it applies: an organisation's data (its staff, personal data, stay with the health commission). */
export interface ChildcareProvider {
  name: string;
  creditCode: string;
  kind: ProviderKind;
  level: ProviderLevel;
  district: District;
  street: string;
  community: string;
  services: ChildcareService[];
}

export type ApplicationFacts = Omit<ProviderFacts, 'kind' | 'level'>;

export interface ChildcareApplicationInput {
  provider: ChildcareProvider;
  facts: ApplicationFacts;
  /** The site's key (a digest of district, street and community): one case per credit code and site. */
  siteKey: string;
  startedBy: Actor;
  /** Set when a registered provider's case continues as new for its next yearly evaluation. */
  carriedOver?: ChildcareCaseState;
}

export const CHILDCARE_STAGES = [
  'completeness-check',
  'awaiting-correction',
  'department-checks',
  'site-inspection',
  'health-approval',
  'finance-approval',
  'payment',
  /** The subsidy's payment failed every attempt: district finance retries it once the cause is put right. */
  'payment-incident',
  /** Paid and in the registry; the yearly quality evaluation comes round here. */
  'registered',
  'refused',
  'withdrawn',
] as const;
export type ChildcareStage = (typeof CHILDCARE_STAGES)[number];
export const CHILDCARE_TERMINAL_STAGES: readonly ChildcareStage[] = ['refused', 'withdrawn'];

/** What a department found, by the check's name. */
export interface DepartmentCheck {
  department: Department;
  check: 'market-registration' | 'fire-safety-sign-off' | 'community-exists';
  passed: boolean;
  detail: string;
}

export const QUALITY_GRADES = ['A', 'B', 'C', 'D'] as const;
export type QualityGrade = (typeof QUALITY_GRADES)[number];

export interface QualityEvaluation {
  year: number;
  grade: QualityGrade;
  rewardFen: number;
  entryId: string | null;
}

export interface ChildcareCaseState extends CaseCore<ChildcareStage, ChildcareAction> {
  caseId: string;
  process: ProcessType;
  district: District;
  stage: ChildcareStage;
  provider: ChildcareProvider;
  facts: ApplicationFacts;
  /** How many times the application went back to the provider for correction. */
  corrections: number;
  correction?: { missing: string[]; since: string };
  departmentChecks?: DepartmentCheck[];
  subsidy?: { eligible: boolean; rules: RuleResult[]; amount: SubsidyAmount };
  inspection?: { result: 'pass' | 'fail'; photosRef: string; by: string };
  refusal?: { by: Department; reasons: string[] };
  withdrawal?: { reason: string; by: string };
  payment?: { amountFen: number; idempotencyKey: string; entryId: string };
  /** A payment that failed every attempt, until finance resolves it. */
  incident?: PaymentIncident<'construction-subsidy' | 'quality-reward'>;
  registeredAt?: string;
  /** The next yearly quality evaluation, and those done. */
  quality?: {
    nextDueAt: string;
    evaluations: QualityEvaluation[];
    /** A year's evaluation whose reward failed every attempt: paid when finance resolves the incident. */
    unpaid?: Omit<QualityEvaluation, 'entryId'> & { evaluatedBy: string };
  };
}

export const CHILDCARE_ACTIONS = [
  'completeness',
  'resubmit',
  'inspection',
  'health-approval',
  'finance-approval',
  'quality-evaluation',
  'withdraw',
  'staff-change',
  'resolve-incident',
] as const;
export type ChildcareAction = (typeof CHILDCARE_ACTIONS)[number];

export interface ChildcareActionArgs {
  completeness: { actor: Actor; outcome: 'complete' | 'return-for-correction'; missing?: string[] };
  resubmit: { actor: Actor; facts: ApplicationFacts };
  inspection: { actor: Actor; result: 'pass' | 'fail'; photosRef: string; reason?: string };
  'health-approval': { actor: Actor; decision: 'approve' | 'refuse'; reasons?: string[] };
  'finance-approval': { actor: Actor; decision: 'approve' | 'refuse'; reasons?: string[] };
  'quality-evaluation': { actor: Actor; grade: QualityGrade };
  withdraw: { actor: Actor; reason: string };
  /** The new list waits at the health commission under `changeId`; only its ID and the reason reach Temporal. */
  'staff-change': { actor: Actor; changeId: string; reason: string };
  /** Pay again (the subsidy, or the year's reward), once the cause is put right: nothing was paid to reverse. */
  'resolve-incident': { actor: Actor; action: 'retry' };
}

export const childcareUpdates: {
  [A in ChildcareAction]: UpdateDefinition<ChildcareCaseState, [ChildcareActionArgs[A]], A>;
} = {
  completeness: defineUpdate('completeness'),
  resubmit: defineUpdate('resubmit'),
  inspection: defineUpdate('inspection'),
  'health-approval': defineUpdate('health-approval'),
  'finance-approval': defineUpdate('finance-approval'),
  'quality-evaluation': defineUpdate('quality-evaluation'),
  withdraw: defineUpdate('withdraw'),
  'staff-change': defineUpdate('staff-change'),
  'resolve-incident': defineUpdate('resolve-incident'),
};

export const childcareStateQuery = defineQuery<ChildcareCaseState>('caseState');

/** A credit code's 18 characters and a site key's 12 hex digits. */
const APPLICATION_KEY_PATTERN = /^[0-9A-HJ-NP-RTUW-Y]{18}-[0-9a-f]{12}$/;

export function childcareApplicationWorkflowId(
  district: District,
  creditCode: string,
  siteKey: string,
): string {
  return `childcare:${district}:${creditCode}-${siteKey}`;
}

export function parseChildcareApplicationWorkflowId(
  caseId: string,
): { district: District; creditCode: string; siteKey: string } | undefined {
  const key = parseDistrictKey(caseId, 'childcare', APPLICATION_KEY_PATTERN);
  if (!key) return undefined;
  const [creditCode, siteKey] = key.key.split('-') as [string, string];
  return { district: key.district, creditCode, siteKey };
}
