/**
 * Payments: a booking in a paying department's ledger under an idempotency key, retried a few times. A payment
 * that keeps failing stops the case, visibly, in a payment incident (a stage, and a task for finance to resolve)
 * instead of retrying unseen; the process says what resolving it means (retry, reverse what was paid).
 */
import { ActivityFailure, proxyActivities } from '@temporalio/workflow';
import { now } from './clock';
import type { Rung } from './ladder';

/** Payment calls of one kind: `paymentCalls<MyActivities>(attempts)('拨付')`, retried `attempts` times at most. */
export const paymentCalls =
  <Activities extends object>(attempts: number) =>
  (summary: string) =>
    proxyActivities<Activities>({
      summary,
      startToCloseTimeout: '30 seconds',
      retry: {
        initialInterval: '1 second',
        backoffCoefficient: 2,
        maximumInterval: '30 seconds',
        maximumAttempts: attempts,
      },
    });

export type PaymentAttempt<Entry> = { booked: true; entry: Entry } | { booked: false; message: string };

/**
 * Runs a payment call: its attempts spent is an answer (the incident's message); anything else is thrown. A chain,
 * not an async function (one promise where there were two; it settles on the same tick).
 */
export function attemptPayment<Entry>(book: () => Promise<Entry>): Promise<PaymentAttempt<Entry>> {
  return book().then(
    (entry): PaymentAttempt<Entry> => ({ booked: true, entry }),
    (error: unknown): PaymentAttempt<Entry> => {
      if (!(error instanceof ActivityFailure)) throw error;
      return { booked: false, message: error.cause?.message ?? error.message };
    },
  );
}

export interface PaymentIncident<Party extends string> {
  party: Party;
  message: string;
  since: string;
}

/** The parts of a case a payment incident touches: its stage, its task, and the incident kept in its state. */
interface IncidentHolder<Party extends string> {
  state: { incident?: PaymentIncident<Party>; openTask?: unknown };
  theCase: {
    enterStage: (stage: 'payment-incident') => Promise<void>;
    openTask: (kind: 'payment-incident') => Promise<void>;
  };
}

/** Stops the case in a payment incident: what failed, for whom, since when; finance's task opens once. */
export async function openPaymentIncident<Party extends string>(
  { state, theCase }: IncidentHolder<Party>,
  party: Party,
  message: string,
): Promise<void> {
  state.incident = { party, message, since: now() };
  await theCase.enterStage('payment-incident');
  if (!state.openTask) await theCase.openTask('payment-incident');
}

/**
 * Who resolves a payment incident: district finance first, city finance once that period has passed (it then
 * stays with city finance, overdue and visible). Periods in calendar days unless `unit` says working days.
 */
export const financeIncidentRungs = (
  days: { district: number; city: number },
  unit?: Rung['unit'],
): readonly [Rung, Rung] => [
  {
    department: 'district-finance',
    role: 'finance',
    level: 'district',
    days: days.district,
    ...(unit ? { unit } : {}),
  },
  { department: 'city-finance', role: 'finance', level: 'city', days: days.city, ...(unit ? { unit } : {}) },
];
