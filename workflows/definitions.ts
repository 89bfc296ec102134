/**
 * The public contract of OneThing's workflows: names, types, task queues, workflow-ID builders, search-attribute
 * keys, queries and updates. This is the one workflow file that api/ and audit tools may import.
 */
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import { defineQuery } from '@temporalio/workflow';

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
} as const;
export type ProcessType = (typeof PROCESSES)[keyof typeof PROCESSES];

export const SEARCH_ATTRIBUTES = {
  process: defineSearchAttributeKey('OneThingProcess', SearchAttributeType.KEYWORD),
  district: defineSearchAttributeKey('OneThingDistrict', SearchAttributeType.KEYWORD),
  stage: defineSearchAttributeKey('OneThingStage', SearchAttributeType.KEYWORD),
} as const;
export const ALL_SEARCH_ATTRIBUTES = Object.values(SEARCH_ATTRIBUTES);

// ---- Gas-safety retrofit: household case -------------------------------------------------------------------

export interface GasRetrofitHouseholdInput {
  district: District;
  accountRef: string;
  userType: GasUserType;
  channel: Channel;
  startedBy: Actor;
}

export const GAS_RETROFIT_STAGES = ['eligibility-check', 'eligible', 'ineligible'] as const;
export type GasRetrofitStage = (typeof GAS_RETROFIT_STAGES)[number];

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

export interface GasRetrofitCaseState {
  caseId: string;
  process: ProcessType;
  district: District;
  accountRef: string;
  userType: GasUserType;
  channel: Channel;
  stage: GasRetrofitStage;
  eligibility?: EligibilityDecision;
}

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
} as const;
export type GasRetrofitHouseholdWorkflow = (
  input: GasRetrofitHouseholdInput,
) => Promise<GasRetrofitCaseState>;
