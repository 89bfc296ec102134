/** The baselines' one activity: it does nothing, so what it costs is Temporal's share of an activity. */
export function createBaselineActivities() {
  return {
    async noop(): Promise<void> {},
  };
}

export type BaselineActivities = ReturnType<typeof createBaselineActivities>;
