/**
 * The search attributes every case publishes, whatever its process: supervisors filter on these in the Web UI.
 * They are stored unencrypted, so their values are codes, times and amounts only, never personal data.
 */
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

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
