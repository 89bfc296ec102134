import {
  IdempotencyConflictError,
  type LedgerBooking,
  type LedgerEntry,
  type LedgerPort,
  type LedgerReversal,
} from './port';

/** For unit tests only: the Postgres ledger's rules, held in a map. */
export class InMemoryLedger implements LedgerPort {
  readonly entries = new Map<string, LedgerEntry>();

  private once(key: string, make: () => LedgerEntry, same: (e: LedgerEntry) => boolean): LedgerEntry {
    const existing = this.entries.get(key);
    if (existing) {
      if (!same(existing)) throw new IdempotencyConflictError(key);
      return existing;
    }
    const entry = make();
    this.entries.set(key, entry);
    return entry;
  }

  book(booking: LedgerBooking): Promise<LedgerEntry> {
    return Promise.resolve(
      this.once(
        booking.idempotencyKey,
        () => ({
          entryId: String(this.entries.size + 1),
          idempotencyKey: booking.idempotencyKey,
          caseId: booking.caseId,
          amountFen: booking.amountFen,
          entry: 'booking',
          bookedAt: new Date().toISOString(),
        }),
        (e) => e.caseId === booking.caseId && e.amountFen === booking.amountFen,
      ),
    );
  }

  reverse(reversal: LedgerReversal): Promise<LedgerEntry | undefined> {
    const original = this.entries.get(reversal.reverses);
    if (!original) return Promise.resolve(undefined);
    return Promise.resolve(
      this.once(
        reversal.idempotencyKey,
        () => ({
          ...original,
          entryId: String(this.entries.size + 1),
          idempotencyKey: reversal.idempotencyKey,
          amountFen: -original.amountFen,
          entry: 'reversal',
        }),
        (e) => e.amountFen === -original.amountFen,
      ),
    );
  }

  entriesFor(caseId: string): Promise<LedgerEntry[]> {
    return Promise.resolve([...this.entries.values()].filter((e) => e.caseId === caseId));
  }
}
