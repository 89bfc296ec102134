import type { Knex } from 'knex';

/**
 * The four ledgers' `booked_at` defaulted to the string 'now()', which PostgreSQL turns into a timestamp once, when
 * the table is created: every entry carried the migration's time instead of its booking's. From here on the
 * default is the function, evaluated per row. Entries booked before keep the time they were given; the true time
 * of each is its booking activity's completion in the case's history.
 */
const LEDGERS = [
  'city_finance.ledger',
  'district_finance.ledger',
  'gas_company.ledger',
  'gas_company.receivables',
] as const;

export async function up(db: Knex): Promise<void> {
  for (const table of LEDGERS) {
    await db.raw(`ALTER TABLE ${table} ALTER COLUMN booked_at SET DEFAULT now()`);
  }
}

export async function down(): Promise<void> {
  // The old default was a bug; going down leaves the correct one in place.
}
