/**
 * The baselines' one activity: it does nothing, so what it costs is Temporal's share of an activity. Given padding
 * (`bench profile --wr-payloads`), it answers with as many bytes as asked, so that WR's payloads can match a case's.
 */
export interface NoopPadding {
  pad: string;
  resultBytes: number;
}

export function createBaselineActivities() {
  return {
    noop(padding?: NoopPadding): Promise<string | undefined> {
      return Promise.resolve(padding ? 'r'.repeat(padding.resultBytes) : undefined);
    },
  };
}

export type BaselineActivities = ReturnType<typeof createBaselineActivities>;
