import type { Knex } from 'knex';

// Literal copies, not imports: a migration must mean the same thing forever, whatever the code says later.
const DISTRICT_CODES = [
  'zhongyuan',
  'erqi',
  'jinshui',
  'guancheng',
  'huiji',
  'zhengdong',
  'gaoxin',
  'jingkai',
];
const GAS_USER_TYPES = [
  'new-build-residential',
  'residential-pipeline',
  'residential-lpg',
  'non-residential-pipeline',
  'non-residential-lpg',
];
const INELIGIBILITY_REASONS = [
  'account-not-found',
  'account-closed',
  'district-mismatch',
  'user-type-mismatch',
];

const inList = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/** The gas company's system: its customer accounts and the eligibility checks it answered. */
export async function up(db: Knex): Promise<void> {
  await db.raw('CREATE SCHEMA IF NOT EXISTS gas_company');
  await db.schema.withSchema('gas_company').createTable('accounts', (t) => {
    t.text('account_ref').primary();
    t.text('district').notNullable();
    t.text('user_type').notNullable();
    t.text('status').notNullable().defaultTo('active');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.check(`district IN (${inList(DISTRICT_CODES)})`, [], 'accounts_district_known');
    t.check(`user_type IN (${inList(GAS_USER_TYPES)})`, [], 'accounts_user_type_known');
    t.check(`status IN ('active', 'closed')`, [], 'accounts_status_known');
    t.index(['district', 'status']);
  });
  await db.schema.withSchema('gas_company').createTable('eligibility_checks', (t) => {
    t.bigIncrements('id').primary();
    // One answer per request: a retried activity finds the answer it was already given.
    t.text('idempotency_key').notNullable().unique();
    t.text('case_id').notNullable();
    t.text('account_ref').notNullable();
    t.text('outcome').notNullable();
    t.text('reason');
    t.timestamp('checked_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.check(`outcome IN ('eligible', 'ineligible')`, [], 'eligibility_outcome_known');
    t.check(
      `(outcome = 'eligible' AND reason IS NULL) OR (outcome = 'ineligible' AND reason IN (${inList(INELIGIBILITY_REASONS)}))`,
      [],
      'eligibility_reason_matches_outcome',
    );
    t.index(['case_id']);
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.withSchema('gas_company').dropTableIfExists('eligibility_checks');
  await db.schema.withSchema('gas_company').dropTableIfExists('accounts');
  await db.raw('DROP SCHEMA IF EXISTS gas_company');
}
