/**
 * The baselines' one activity: it does nothing, so what it costs is Temporal's share of an activity. Given padding
 * (WRP), it answers with as many bytes as asked, so that WRP's payloads match a household's.
 */
interface NoopPadding {
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
