/**
 * The test-only fault hook's setting (`ONETHING_FAULT`, accepted only when NODE_ENV=test): which fault the
 * worker injects into its department adapters (activities/adapters/fault-injection.ts does the injecting).
 */
/** The departments that keep a ledger of their own. */
const LEDGER_DEPARTMENTS = ['cityFinance', 'districtFinance'] as const;
export type LedgerDepartment = (typeof LEDGER_DEPARTMENTS)[number];

export type Fault =
  | {
      kind: 'kill-after-commit';
      /** Whose ledger: city finance (the retrofit's first share) unless named. */
      ledger: LedgerDepartment;
      /** Dies after this many bookings in the process (1: the first) have committed. */
      nth: number;
    }
  | {
      kind: 'kill-after-call';
      /** The adapter and its method, as the adapters object names them (`taskBoard`, `upsertHumanTask`). */
      adapter: string;
      method: string;
      /** Dies after this many calls to the method in the process (1: the first) have returned. */
      nth: number;
    }
  | {
      kind: 'flaky' | 'hang';
      rate: number;
      /** Undefined: every adapter. */
      adapters?: string[];
    };

export function parseFault(spec: string): Fault {
  const kill = /^kill-after-commit(?::(\w+))?(?::([1-9]\d*))?$/.exec(spec);
  if (kill) {
    const ledger = kill[1] ?? 'cityFinance';
    if (!(LEDGER_DEPARTMENTS as readonly string[]).includes(ledger)) {
      throw new Error(`kill-after-commit:<ledger> must name one of ${LEDGER_DEPARTMENTS.join(', ')}`);
    }
    return { kind: 'kill-after-commit', ledger: ledger as LedgerDepartment, nth: Number(kill[2] ?? 1) };
  }
  const killAfterCall = /^kill-after-call:(\w+)\.(\w+)(?::([1-9]\d*))?$/.exec(spec);
  if (killAfterCall) {
    return {
      kind: 'kill-after-call',
      adapter: killAfterCall[1]!,
      method: killAfterCall[2]!,
      nth: Number(killAfterCall[3] ?? 1),
    };
  }
  const rated = /^(flaky|hang):(0(?:\.\d+)?|1)(?::([A-Za-z,]+))?$/.exec(spec);
  if (rated) {
    return {
      kind: rated[1] as 'flaky' | 'hang',
      rate: Number(rated[2]),
      ...(rated[3] ? { adapters: rated[3].split(',') } : {}),
    };
  }
  throw new Error(
    'must be kill-after-commit[:<ledger>[:<nth>]], kill-after-call:<adapter>.<method>[:<nth>], or flaky:<rate> or hang:<rate> (0 to 1), then optionally :<adapter,...>',
  );
}
