/**
 * Holds every payment ledger locked against writes from the test's own connection, so that bookings started
 * by a worker are provably in flight (waiting inside PostgreSQL) when a test cuts the database or restarts the
 * Temporal server. Reads still pass: only the booking INSERTs wait.
 */
import type { Knex } from 'knex';
import type { Db } from '../../activities/db/connection';
import { GAS_RETROFIT_LEDGERS } from '../../processes/gas-retrofit/workflow/audit-profile';

export interface LedgerLock {
  /** Resolves once at least `count` ledger writes are waiting on the lock. */
  bookingsWaiting(count: number, timeoutMs?: number): Promise<number>;
  release(): Promise<void>;
}

const TABLES = Object.values(GAS_RETROFIT_LEDGERS);

export async function lockLedgers(db: Db): Promise<LedgerLock> {
  const trx: Knex.Transaction = await db.transaction();
  await trx.raw(`LOCK TABLE ${TABLES.join(', ')} IN EXCLUSIVE MODE`);
  const waiting = async (): Promise<number> => {
    const rows = await db.raw<{ rows: Array<{ n: string }> }>(
      `SELECT count(*) AS n FROM pg_stat_activity
        WHERE wait_event_type = 'Lock' AND query ILIKE 'insert into%' AND (${TABLES.map(() => 'query ILIKE ?').join(' OR ')})`,
      TABLES.map((table) => `%${table.split('.')[1]}%`),
    );
    return Number(rows.rows[0]!.n);
  };
  return {
    async bookingsWaiting(count, timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const n = await waiting();
        if (n >= count) return n;
        if (Date.now() > deadline) throw new Error(`only ${n} of ${count} ledger bookings reached the lock`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    async release() {
      if (!trx.isCompleted()) await trx.rollback();
    },
  };
}
