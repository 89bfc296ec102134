/**
 * Citizens' petitions (心通桥 网络问政, docs/sources.md, petitions): a post goes round 受理 → 派单 → 办理 → 答复 → 办结 →
 * 回访 → 评价 with deadlines in working days counted from when the citizen submitted. The post's text, location and
 * the petitioner's contact are kept by the petition office's system; Temporal holds codes and references only.
 */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
import { parseDistrictKey } from '../../../workflows/kit/case-ids';
import type { CaseCore, Due } from '../../../workflows/kit/case-state';
import type { Actor, Channel, Department, District } from '../../../workflows/kit/vocabulary';
import type { ProcessType } from '../../../workflows/registry';
import type {
  PetitionCategory,
  PressCallAnswer,
  PressVerdict,
} from '../../../workflows/kit/department-words';

export {
  PETITION_CATEGORIES,
  PRESS_CALL_ANSWERS,
  PRESS_VERDICTS,
  type PetitionCategory,
  type PressCallAnswer,
  type PressVerdict,
} from '../../../workflows/kit/department-words';

/** Its workflow types, and the process code a petition carries (OneThingProcess search attribute, case registry). */
export const PETITION_WORKFLOW_TYPES = { petition: 'petition', weeklyIndex: 'petitionWeeklyIndex' } as const;
export const PETITION_PROCESS_CODE = 'petition';

export const PETITION_KINDS = ['consultation', 'help', 'suggestion', 'complaint', 'report'] as const;
export type PetitionKind = (typeof PETITION_KINDS)[number];

/** The channel's own reference for the post: a business key, never personal data. */
export const PETITION_REF_PATTERN = /^[A-Z0-9][A-Z0-9-]{3,39}$/;

export interface PetitionInput {
  petitionRef: string;
  channel: Channel;
  category: PetitionCategory;
  kind: PetitionKind;
  district: District;
  /** When the citizen submitted: every deadline counts from here. */
  receivedAt: string;
  startedBy: Actor;
}

export const PETITION_STAGES = [
  'routing',
  'awaiting-acceptance',
  'handling',
  'replied',
  /** Done; the petitioner may still ask for a review (复查) within the window. */
  'completed',
  'under-review',
  /** Reviewed; the petitioner may still ask for a re-review (复核) within the window. */
  'reviewed',
  'under-re-review',
  /** Nothing more can be asked: no review was requested in time, or the re-review has decided. */
  'closed',
  'withdrawn',
] as const;
export type PetitionStage = (typeof PETITION_STAGES)[number];
/** `completed` ends only runs recorded before review and re-review (REVIEW_PATCH); it now waits for a request. */
export const PETITION_TERMINAL_STAGES: readonly PetitionStage[] = ['closed', 'withdrawn'];

/**
 * The public supervision desk's part in a petition (观观督办): whether it took the post up itself, its calls (to the
 * department holding it, or to any organisation that can answer), its site visits (their accounts stay with the
 * desk) and its story.
 */
export interface PressSupervision {
  takenUp?: { by: string; at: string };
  calls: Array<{
    callKey: string;
    by: string;
    /** The department holding the petition, when the call went to it. */
    calledDepartment?: Department;
    /** An organisation outside the platform's departments (人才交流中心, a developer), by name. */
    calledOrganisation?: string;
    answer: PressCallAnswer;
    at: string;
  }>;
  visits?: Array<{ visitKey: string; by: string; at: string }>;
  published?: { by: string; verdict: PressVerdict; headline: string; url: string; publishedAt: string };
}

export interface PetitionTransfer {
  from: Department;
  to: Department;
  reason: string;
  by: string;
  at: string;
}

export interface PetitionCaseState extends CaseCore<PetitionStage, PetitionAction> {
  caseId: string;
  process: ProcessType;
  district: District;
  stage: PetitionStage;
  channel: Channel;
  category: PetitionCategory;
  kind: PetitionKind;
  receivedAt: string;
  /** The department that must accept and reply (as routed, or as transferred). */
  department?: Department;
  transfers: PetitionTransfer[];
  deadlines: { acceptance?: Due; reply?: Due };
  extension?: { reason: string; by: string; workingDays: number };
  reply?: { by: string; at: string; summaryRef: string };
  rating?: { satisfied: boolean; at: string };
  /** A dissatisfied rating reopens the case once, to the same department, under a supervisor's watch. */
  reopened?: boolean;
  supervisionNotes: Array<{ by: string; department: Department; at: string; noteRef: string }>;
  press?: PressSupervision;
  /** First reply and completion, kept for the weekly index even when a reopened case replies again. */
  firstRepliedAt?: string;
  completedAt?: string;
  /** Review (复查) and re-review (复核): each requested, then decided with its opinion's reference. */
  reviews?: Array<{
    level: 'review' | 're-review';
    requestedAt: string;
    outcome?: 'upheld' | 'changed';
    by?: string;
    decidedAt?: string;
    opinionRef?: string;
  }>;
}

export const PETITION_ACTIONS = [
  'accept',
  'transfer',
  'reply',
  'extend',
  'rate',
  'supervise-note',
  'withdraw',
  'request-review',
  'decide-review',
  'press-follow-up',
  'press-publish',
  'press-take-up',
  'press-visit',
] as const;
export type PetitionAction = (typeof PETITION_ACTIONS)[number];

export interface PetitionActionArgs {
  accept: { actor: Actor };
  transfer: { actor: Actor; to: Department; reason: string };
  /** The reply's text is kept by the petition office; the case holds its reference. */
  reply: { actor: Actor; summaryRef: string };
  extend: { actor: Actor; reason: string; workingDays: number };
  rate: { actor: Actor; satisfied: boolean };
  'supervise-note': { actor: Actor; noteRef: string };
  withdraw: { actor: Actor; reason: string };
  /** The petitioner's request, taken in by the petition office: a review (复查), or after it a re-review (复核). */
  'request-review': { actor: Actor };
  'decide-review': { actor: Actor; outcome: 'upheld' | 'changed'; opinionRef: string };
  /**
   * The desk's reporter called the department holding the petition, or the named organisation that can answer;
   * the account is the desk's record.
   */
  'press-follow-up': { actor: Actor; answer: PressCallAnswer; account: string; organisation?: string };
  /** The desk published the outcome: the story's headline and address are public. */
  'press-publish': { actor: Actor; verdict: PressVerdict; headline: string; url: string };
  /** The desk takes the post up itself, at any stage (never a report); its reason is the desk's record. */
  'press-take-up': { actor: Actor; account: string };
  /** The desk's reporter went to the place; what was seen is the desk's record. */
  'press-visit': { actor: Actor; place: string; seen: string };
}

export const petitionUpdates: {
  [A in PetitionAction]: UpdateDefinition<PetitionCaseState, [PetitionActionArgs[A]], A>;
} = {
  accept: defineUpdate('accept'),
  transfer: defineUpdate('transfer'),
  reply: defineUpdate('reply'),
  extend: defineUpdate('extend'),
  rate: defineUpdate('rate'),
  'supervise-note': defineUpdate('supervise-note'),
  withdraw: defineUpdate('withdraw'),
  'request-review': defineUpdate('request-review'),
  'decide-review': defineUpdate('decide-review'),
  'press-follow-up': defineUpdate('press-follow-up'),
  'press-publish': defineUpdate('press-publish'),
  'press-take-up': defineUpdate('press-take-up'),
  'press-visit': defineUpdate('press-visit'),
};

export const petitionStateQuery = defineQuery<PetitionCaseState>('caseState');

export function petitionWorkflowId(district: District, petitionRef: string): string {
  return `petition:${district}:${petitionRef}`;
}

export function parsePetitionWorkflowId(
  caseId: string,
): { district: District; petitionRef: string } | undefined {
  const key = parseDistrictKey(caseId, 'petition', PETITION_REF_PATTERN);
  return key && { district: key.district, petitionRef: key.key };
}
