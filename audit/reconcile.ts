/**
 * Re-derives each settlement from its history (the items and the prices the case was priced at, run again
 * through its process's settlement rules) and compares it with the process's ledgers in Postgres; both come
 * from the process's audit profile (audit/profiles.ts). A history that
 * neither completed nor continued as new (still running, failed, terminated, timed out) cannot be reconciled
 * and is reported as unfinished rather than passed over.
 */
import type { Db } from '../activities/db/connection';
import type { Decoder } from './decode';
import { workflowTypeOf, type Evidence } from './histories';
import { auditProfileOf } from './profiles';

type DiscrepancyKind = 'missing' | 'duplicated' | 'mismatched' | 'rule-violated';

interface Discrepancy {
  caseId: string;
  party?: string;
  kind: DiscrepancyKind;
  detail: string;
}

interface UnfinishedCase {
  caseId: string;
  /** How its history ends: `running`, or the closing event's kind (`failed`, `terminated`, …). */
  status: string;
}

interface ReconcileReport {
  casesChecked: number;
  settledFen: number;
  discrepancies: Discrepancy[];
  unfinished: UnfinishedCase[];
}

interface LedgerRow {
  case_id: string;
  idempotency_key: string;
  amount_fen: string;
  entry: 'booking' | 'reversal';
}

const CLOSING_EVENTS = {
  workflowExecutionFailedEventAttributes: 'failed',
  workflowExecutionTerminatedEventAttributes: 'terminated',
  workflowExecutionTimedOutEventAttributes: 'timed-out',
  workflowExecutionCanceledEventAttributes: 'canceled',
} as const;

type Ending = { state: { caseId?: string } | undefined } | { unfinished: string };

/** The case's state where its history ends: its result, or what it carried into its next run. */
async function ending(evidence: Evidence, decode: Decoder): Promise<Ending> {
  const last = evidence.history.events?.at(-1);
  const completed = last?.workflowExecutionCompletedEventAttributes;
  if (completed) return { state: (await decode(completed.result?.payloads))[0] as { caseId?: string } };
  const continued = last?.workflowExecutionContinuedAsNewEventAttributes;
  if (continued) {
    const [input] = (await decode(continued.input?.payloads)) as Array<{
      carriedOver?: { caseId?: string };
    }>;
    return { state: input?.carriedOver };
  }
  const closing = Object.entries(CLOSING_EVENTS).find(([key]) => last?.[key as keyof typeof last]);
  return { unfinished: closing?.[1] ?? 'running' };
}

export async function reconcile(
  histories: readonly Evidence[],
  decode: Decoder,
  db: Db,
): Promise<ReconcileReport> {
  const report: ReconcileReport = { casesChecked: 0, settledFen: 0, discrepancies: [], unfinished: [] };
  for (const evidence of histories) {
    const end = await ending(evidence, decode);
    if ('unfinished' in end) {
      report.unfinished.push({ caseId: evidence.workflowId, status: end.unfinished });
      continue;
    }
    const profile = auditProfileOf(workflowTypeOf(evidence));
    const settlement = profile?.settlementOf(end.state);
    if (!profile || !settlement) continue;
    report.casesChecked += 1;
    const caseId = end.state?.caseId ?? evidence.workflowId;
    for (const [party, recorded] of Object.entries(settlement.recorded)) {
      const derived = settlement.derived[party];
      if (derived !== recorded) {
        report.discrepancies.push({
          caseId,
          party,
          kind: 'rule-violated',
          detail: `history settled ${recorded} fen; the rules give ${derived}`,
        });
      }
    }
    for (const [party, table] of Object.entries(profile.ledgers)) {
      const expected = settlement.owed[party] ?? 0;
      const rows = await db<LedgerRow>(table).where({ case_id: caseId }).orderBy('id');
      const bookings = rows.filter((row) => row.entry === 'booking');
      const net = rows.reduce((sum, row) => sum + Number(row.amount_fen), 0);
      report.settledFen += net;
      if (expected > 0 && bookings.length === 0) {
        report.discrepancies.push({ caseId, party, kind: 'missing', detail: `${expected} fen not booked` });
      } else if (bookings.length > 1) {
        report.discrepancies.push({
          caseId,
          party,
          kind: 'duplicated',
          detail: `${bookings.length} bookings: ${bookings.map((b) => b.idempotency_key).join(', ')}`,
        });
      } else if (net !== expected) {
        report.discrepancies.push({
          caseId,
          party,
          kind: 'mismatched',
          detail: `ledger holds ${net} fen; the settlement gives ${expected}`,
        });
      }
    }
  }
  return report;
}
