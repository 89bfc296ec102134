import {
  defineSearchAttributeKey,
  type SearchAttributeType,
  type SearchAttributeUpdatePair,
} from '@temporalio/common';

/** What a case asks of Temporal, counted from its history: the shape the WR baseline copies. */
export interface CaseShape {
  activities: number;
  updates: number;
  /** Timers started (on the main path they are deadlines, cancelled when the decision arrives). */
  timers: number;
  searchAttributeUpserts: number;
  /**
   * WRP only (and `bench profile --wr-payloads`): bytes each activity's input, result and summary carry on top of
   * the padded call's own. Unset, as for WR, the activities carry nothing, so that H ÷ WR counts what our payloads
   * cost.
   */
  activityPadding?: ActivityPadding;
  /**
   * WRP only: the search attributes a household sets at its start and at each upsert, and its start's summary, so
   * that WRP hands Temporal's visibility store what a household does. Unset, as for WR, each upsert sets one keyword.
   */
  attributes?: CarriedAttributes;
}

/** A search attribute as a workflow argument carries it: a date travels as its ISO string. */
export interface CarriedAttribute {
  name: string;
  type: SearchAttributeType;
  value: string | number | boolean | string[];
}

export interface CarriedAttributes {
  atStart: CarriedAttribute[];
  /** Each upsert's attributes, in the household's order (the SDK's own patch record left out). */
  upserts: CarriedAttribute[][];
  /** Bytes the start's static summary carries beyond one character. */
  startSummaryPadding: number;
}

export function updatePairOf(attribute: CarriedAttribute): SearchAttributeUpdatePair {
  const key = defineSearchAttributeKey(attribute.name, attribute.type);
  const value = attribute.type === 'DATETIME' ? new Date(attribute.value as string) : attribute.value;
  return { key, value } as SearchAttributeUpdatePair;
}

export interface ActivityPadding {
  input: number;
  result: number;
  summary: number;
}

export const BASELINE_WORKFLOWS = {
  noop: 'benchNoop',
  oneActivity: 'benchOneActivity',
  retrofitShaped: 'benchRetrofitShaped',
} as const;

export const BASELINE_TASK_QUEUE = 'onething-bench-baselines';

/** The Update WR's driver sends as many times as the household case takes decisions. */
export const BASELINE_DECISION_UPDATE = 'decide';
