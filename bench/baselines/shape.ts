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
