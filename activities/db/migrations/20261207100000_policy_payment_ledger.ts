import type { Knex } from 'knex';

/**
 * The policies' payments as a ledger in the shape auditors reconcile every paying party's against (an entry per
 * booking, keyed by case): a view, so the payments table stays the one record of the money.
 */
export async function up(db: Knex): Promise<void> {
  await db.raw(`
    CREATE VIEW policy_payout.payment_ledger AS
    SELECT payment_id AS id, case_id, idempotency_key, amount_fen, 'booking'::text AS entry, paid_at AS booked_at
    FROM policy_payout.payments
  `);
}

export async function down(db: Knex): Promise<void> {
  await db.raw('DROP VIEW IF EXISTS policy_payout.payment_ledger');
}
