/**
 * The test-only fault hook's setting (`ONETHING_FAULT`, accepted only when NODE_ENV=test): which fault the
 * worker injects into its department adapters (activities/adapters/fault-injection.ts does the injecting).
 */
export type Fault =
  | { kind: 'kill-after-commit' }
  | {
      kind: 'flaky' | 'hang';
      rate: number;
      /** Undefined: every adapter. */
      adapters?: string[];
    };

export function parseFault(spec: string): Fault {
  if (spec === 'kill-after-commit') return { kind: 'kill-after-commit' };
  const rated = /^(flaky|hang):(0(?:\.\d+)?|1)(?::([A-Za-z,]+))?$/.exec(spec);
  if (rated) {
    return {
      kind: rated[1] as 'flaky' | 'hang',
      rate: Number(rated[2]),
      ...(rated[3] ? { adapters: rated[3].split(',') } : {}),
    };
  }
  throw new Error(
    'must be kill-after-commit, or flaky:<rate> or hang:<rate> (0 to 1), then optionally :<adapter,...>',
  );
}
