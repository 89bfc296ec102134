import type { Knex } from 'knex';

// Literal copies, not imports: a migration must mean the same thing forever, whatever the code says later.
const REASONS_BEFORE = ['account-not-found', 'account-closed', 'district-mismatch', 'user-type-mismatch'];
const REASONS_AFTER = [...REASONS_BEFORE, 'items-not-fit'];

const inList = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');
const constraint = (reasons: readonly string[]) => `ALTER TABLE gas_company.eligibility_checks
  ADD CONSTRAINT eligibility_reason_matches_outcome CHECK (
    (outcome = 'eligible' AND reason IS NULL) OR (outcome = 'ineligible' AND reason IN (${inList(reasons)})))`;

/**
 * The gas company refuses a case whose items do not fit its user type (a campaign's record of a new build without
 * a self-closing valve), as the API refuses such a start.
 */
export async function up(db: Knex): Promise<void> {
  await db.raw(
    'ALTER TABLE gas_company.eligibility_checks DROP CONSTRAINT eligibility_reason_matches_outcome',
  );
  await db.raw(constraint(REASONS_AFTER));
}

export async function down(db: Knex): Promise<void> {
  await db('gas_company.eligibility_checks').where({ reason: 'items-not-fit' }).delete();
  await db.raw(
    'ALTER TABLE gas_company.eligibility_checks DROP CONSTRAINT eligibility_reason_matches_outcome',
  );
  await db.raw(constraint(REASONS_BEFORE));
}
