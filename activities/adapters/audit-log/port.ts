import type { Actor } from '../../../workflows/definitions';

export type AuditOutcome = 'allowed' | 'refused';

export interface AuditEntry {
  actor: Actor;
  /** What was attempted, e.g. `decision:installation-report`, `contact:unmask`, `codec:decode`. */
  action: string;
  outcome: AuditOutcome;
  /** The rule that refused it, or why it was allowed; never personal data. */
  reason: string;
  caseId?: string;
  details?: Record<string, string | number | boolean | null>;
}

export interface StoredAuditEntry extends AuditEntry {
  id: number;
  at: string;
}

/** The append-only audit log: what Temporal's histories cannot show (refusals, denials, reads of personal data). */
export interface AuditLogPort {
  record(entry: AuditEntry): Promise<void>;
  forCase(caseId: string): Promise<StoredAuditEntry[]>;
  /** Deletes records older than the retention period; the database refuses anything younger. */
  deleteOlderThan(days: number): Promise<number>;
}
