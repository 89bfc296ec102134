import type { Knex } from 'knex';

/**
 * The gas company's survey of what each account still needs (its retrofit backlog), and the campaign a case
 * belongs to, so a district campaign can page through the backlog and report its progress.
 */
export async function up(db: Knex): Promise<void> {
  await db.schema.withSchema('gas_company').alterTable('accounts', (t) => {
    t.boolean('needs_retrofit').notNullable().defaultTo(true);
    t.boolean('needs_valve').notNullable().defaultTo(true);
    // Metal hose to fit, in decimetres; null when the account needs no hose.
    t.integer('hose_length_dm').nullable().defaultTo(20);
    t.check(
      'hose_length_dm IS NULL OR (hose_length_dm > 0 AND hose_length_dm <= 200)',
      [],
      'accounts_hose_length_sane',
    );
  });
  await db.raw(
    "CREATE INDEX accounts_backlog ON gas_company.accounts (district, account_ref) WHERE needs_retrofit AND status = 'active'",
  );
  await db.schema.withSchema('onething').alterTable('cases', (t) => {
    t.text('campaign_id').nullable();
    t.index(['campaign_id', 'stage']);
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.withSchema('onething').alterTable('cases', (t) => {
    t.dropIndex(['campaign_id', 'stage']);
    t.dropColumn('campaign_id');
  });
  await db.raw('DROP INDEX IF EXISTS gas_company.accounts_backlog');
  await db.schema.withSchema('gas_company').alterTable('accounts', (t) => {
    t.dropChecks(['accounts_hose_length_sane']);
    t.dropColumns('needs_retrofit', 'needs_valve', 'hose_length_dm');
  });
}
