import type { Db } from '../../db/connection';
import {
  IdempotencyConflictError,
  type LedgerBooking,
  type LedgerEntry,
  type LedgerPort,
  type LedgerReversal,
} from './port';

interface LedgerRow {
  id: string;
  idempotency_key: string;
  case_id: string;
  district: string;
  amount_fen: string;
  entry: 'booking' | 'reversal';
  reverses_id: string | null;
  reference: string;
  booked_at: Date;
}

const toEntry = (row: LedgerRow): LedgerEntry => ({
  entryId: String(row.id),
  idempotencyKey: row.idempotency_key,
  caseId: row.case_id,
  amountFen: Number(row.amount_fen),
  entry: row.entry,
  bookedAt: row.booked_at.toISOString(),
});

/** One department ledger table (see the gas-retrofit departments migration for its constraints). */
export class PostgresLedger implements LedgerPort {
  constructor(
    private readonly db: Db,
    private readonly table: string,
  ) {}

  /**
   * One statement on the first attempt; a repeat reads the row its key already booked. Entries are never updated
   * or deleted, so neither step needs a transaction around it.
   */
  private async insertOnce(row: Omit<LedgerRow, 'id' | 'booked_at'>): Promise<LedgerRow> {
    const [inserted] = await this.db<LedgerRow>(this.table)
      .insert(row)
      .onConflict('idempotency_key')
      .ignore()
      .returning('*');
    if (inserted) return inserted;
    const existing = await this.db<LedgerRow>(this.table)
      .where({ idempotency_key: row.idempotency_key })
      .first();
    if (!existing) throw new Error(`ledger entry ${row.idempotency_key} vanished after a conflict`);
    if (existing.case_id !== row.case_id || Number(existing.amount_fen) !== Number(row.amount_fen)) {
      throw new IdempotencyConflictError(row.idempotency_key);
    }
    return existing;
  }

  async book(booking: LedgerBooking): Promise<LedgerEntry> {
    if (!Number.isSafeInteger(booking.amountFen) || booking.amountFen <= 0) {
      throw new RangeError('amountFen must be a positive whole number of fen');
    }
    return toEntry(
      await this.insertOnce({
        idempotency_key: booking.idempotencyKey,
        case_id: booking.caseId,
        district: booking.district,
        amount_fen: String(booking.amountFen),
        entry: 'booking',
        reverses_id: null,
        reference: booking.reference,
      }),
    );
  }

  async reverse(reversal: LedgerReversal): Promise<LedgerEntry | undefined> {
    const original = await this.db<LedgerRow>(this.table)
      .where({ idempotency_key: reversal.reverses })
      .first();
    if (!original) return undefined;
    return toEntry(
      await this.insertOnce({
        idempotency_key: reversal.idempotencyKey,
        case_id: original.case_id,
        district: original.district,
        amount_fen: String(-Number(original.amount_fen)),
        entry: 'reversal',
        reverses_id: original.id,
        reference: reversal.reference,
      }),
    );
  }

  async entriesFor(caseId: string): Promise<LedgerEntry[]> {
    const rows = await this.db<LedgerRow>(this.table).where({ case_id: caseId }).orderBy('id');
    return rows.map(toEntry);
  }
}
