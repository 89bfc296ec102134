/**
 * Faults injected into the department adapters, for the fault-tolerance tests only (config refuses them outside
 * NODE_ENV=test). They sit where real faults strike: around the adapter's call to its database.
 *
 * - `kill-after-commit[:<ledger>[:<nth>]]`: the worker process dies (SIGKILL) right after the nth booking (the
 *   first by default) in that department's ledger (city finance's by default) has committed and before the activity can report it — the
 *   case Temporal's at-least-once delivery must turn into exactly once.
 *   It fires once per data folder (a marker file), so the restarted worker carries on.
 * - `kill-after-call:<adapter>.<method>[:<nth>]`: the same, right after the nth call to that method of that
 *   adapter in the process has done its work (the task board's `upsertHumanTask`, as a ladder's rung is told).
 * - `flaky:<rate>[:<adapter,...>]`: that share of calls (to every adapter, or those named) fail, half before
 *   reaching the database and half after the database has done the work, so retries must be idempotent.
 * - `hang:<rate>[:<adapter,...>]`: that share of calls do the work and then hang past the activity's timeout.
 *
 * Flaky and hanging calls strike an activity's first `FAULTY_ATTEMPTS` attempts only, as a real outage passes. An
 * activity that carries the case's progress makes two or more adapter calls, so at a 30% rate about half of its
 * attempts fail; an unbounded streak would only wait out backoffs of a minute and more (a department call retries
 * without limit), testing patience rather than safety. Five still lets every payment attempt fail (an incident).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Context } from '@temporalio/activity';
import type { Adapters } from '.';
import type { Fault } from '../../platform/fault-spec';
import type { LedgerPort } from './ledger/port';

type KillAfterCall = Extract<Fault, { kind: 'kill-after-call' }>;

/** Attempts of one activity that faults may strike; from the next one on, its adapter calls go through. */
export const FAULTY_ATTEMPTS = 5;

/** Longer than any department call's start-to-close timeout (30 s): the activity times out and is retried. */
export const HANG_MS = 35_000;

export class InjectedFault extends Error {
  constructor(where: string, when: 'before' | 'after') {
    super(`injected fault ${when} ${where}`);
    this.name = 'InjectedFault';
  }
}

function killAfterBooking(ledger: LedgerPort, nth: number, marker: string): LedgerPort {
  let bookings = 0;
  return {
    book: async (booking) => {
      const entry = await ledger.book(booking);
      bookings += 1;
      if (bookings === nth) dieOnce(marker, booking.idempotencyKey);
      return entry;
    },
    reverse: (reversal) => ledger.reverse(reversal),
    entriesFor: (caseId) => ledger.entriesFor(caseId),
  };
}

function dieOnce(marker: string, what: string): void {
  if (existsSync(marker)) return;
  mkdirSync(path.dirname(marker), { recursive: true });
  writeFileSync(marker, what);
  process.kill(process.pid, 'SIGKILL');
}

function killAfterCall(adapters: Adapters, fault: KillAfterCall, marker: string): Adapters {
  const port = (adapters as unknown as Record<string, Record<string, unknown>>)[fault.adapter];
  const method = port?.[fault.method];
  if (typeof method !== 'function') {
    throw new Error(`kill-after-call: the adapters have no ${fault.adapter}.${fault.method}`);
  }
  let calls = 0;
  const dying = async (...args: unknown[]) => {
    const result: unknown = await (method as (...a: unknown[]) => unknown).apply(port, args);
    calls += 1;
    if (calls === fault.nth) dieOnce(marker, `${fault.adapter}.${fault.method} call ${calls}`);
    return result;
  };
  return { ...adapters, [fault.adapter]: { ...port, [fault.method]: dying } };
}

/**
 * Wraps every method of a port: `rate` of calls fail, half before and half after the real call; or, hanging,
 * `rate` of calls do the work and then do not answer for longer than the activity may take.
 */
interface Chance {
  random: () => number;
  /** How a hanging call waits; tests pass their own. */
  sleep: (ms: number) => Promise<void>;
  /** The attempt of the activity making the call (1 outside an activity). */
  attempt: () => number;
}

function currentAttempt(): number {
  try {
    return Context.current().info.attempt;
  } catch {
    return 1;
  }
}

function flaky<T extends object>(port: T, name: string, rate: number, chance: Chance, hang = false): T {
  return new Proxy(port, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== 'function') {
        // Nested ports (a department's ledger) fail, or hang, the same way.
        return value && typeof value === 'object'
          ? flaky(value, `${name}.${String(property)}`, rate, chance, hang)
          : value;
      }
      return async (...args: unknown[]) => {
        const where = `${name}.${String(property)}`;
        const roll = chance.attempt() > FAULTY_ATTEMPTS ? 1 : chance.random();
        if (!hang && roll < rate / 2) throw new InjectedFault(where, 'before');
        const result: unknown = await (value as (...a: unknown[]) => unknown).apply(target, args);
        if (hang && roll < rate) await chance.sleep(HANG_MS);
        else if (roll < rate) throw new InjectedFault(where, 'after');
        return result;
      };
    },
  });
}

export function injectFault(
  adapters: Adapters,
  fault: Fault,
  dataDir: string,
  chance: Chance = {
    random: Math.random,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    attempt: currentAttempt,
  },
): Adapters {
  if (fault.kind === 'kill-after-commit') {
    const marker = path.join(dataDir, 'fault-kill-after-commit.fired');
    const department = adapters[fault.ledger];
    return {
      ...adapters,
      [fault.ledger]: { ...department, ledger: killAfterBooking(department.ledger, fault.nth, marker) },
    };
  }
  if (fault.kind === 'kill-after-call') {
    return killAfterCall(adapters, fault, path.join(dataDir, 'fault-kill-after-call.fired'));
  }
  return Object.fromEntries(
    Object.entries(adapters).map(([name, port]) =>
      !fault.adapters || fault.adapters.includes(name)
        ? [name, flaky(port as object, name, fault.rate, chance, fault.kind === 'hang')]
        : [name, port],
    ),
  ) as unknown as Adapters;
}
