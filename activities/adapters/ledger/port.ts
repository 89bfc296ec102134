export interface LedgerBooking {
  /** Unique per case and purpose; a retried booking returns the first one instead of paying twice. */
  idempotencyKey: string;
  caseId: string;
  district: string;
  amountFen: number;
  /** What the money is for, e.g. `gas-retrofit settlement: city-finance share`. */
  reference: string;
}

export interface LedgerReversal {
  idempotencyKey: string;
  /** The booking to reverse, by its idempotency key. */
  reverses: string;
  reference: string;
}

export interface LedgerEntry {
  entryId: string;
  idempotencyKey: string;
  caseId: string;
  amountFen: number;
  entry: 'booking' | 'reversal';
  bookedAt: string;
}

/** A department's ledger of money booked for cases. */
export interface LedgerPort {
  book(booking: LedgerBooking): Promise<LedgerEntry>;
  /** Reverses a booking once; returns undefined when there was nothing booked under that key. */
  reverse(reversal: LedgerReversal): Promise<LedgerEntry | undefined>;
  entriesFor(caseId: string): Promise<LedgerEntry[]>;
}

export class IdempotencyConflictError extends Error {
  constructor(key: string) {
    super(`idempotency key ${key} was already used for a different booking`);
    this.name = 'IdempotencyConflictError';
  }
}
