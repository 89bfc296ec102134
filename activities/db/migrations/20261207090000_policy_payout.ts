import type { Knex } from 'knex';

/**
 * Policy payout (亲清在线): the facts each department holds about enterprises (market regulation's registrations grow
 * the enterprise's name, industry, district and day of registration; tax, science and technology, intellectual
 * property, human resources each a schema of their own), 郑好办's message outbox, and the process's own catalogue of
 * policies (each change a version), yearly budgets whose committed money the database holds under the budget, and
 * payments once per policy, year and enterprise.
 */
export async function up(db: Knex): Promise<void> {
  for (const schema of SCHEMAS) await db.raw(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  await createDepartmentFacts(db);
  await createCatalogue(db);
  await createFunds(db);
}

const SCHEMAS = [
  'tax',
  'science_technology',
  'intellectual_property',
  'human_resources',
  'zhenghaoban',
  'policy_payout',
];

async function createDepartmentFacts(db: Knex): Promise<void> {
  for (const schema of [
    'tax',
    'science_technology',
    'intellectual_property',
    'human_resources',
    'zhenghaoban',
    'policy_payout',
  ]) {
    await db.raw(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  }
  await db.schema.withSchema('market_regulation').alterTable('registrations', (t) => {
    t.text('name');
    t.text('industry');
    t.text('district');
    t.date('registered_on');
    t.index(['district', 'credit_code'], 'registrations_by_district');
  });
  await db.schema.withSchema('tax').createTable('enterprise_years', (t) => {
    t.text('credit_code').notNullable();
    t.integer('year').notNullable();
    t.text('credit_grade');
    t.bigInteger('tax_paid_fen').notNullable();
    t.primary(['credit_code', 'year']);
    t.check(`credit_grade IN ('A', 'B', 'M', 'C', 'D')`, [], 'credit_grade_known');
    t.check('tax_paid_fen >= 0', [], 'tax_paid_not_negative');
  });
  await db.schema.withSchema('science_technology').createTable('high_tech_certificates', (t) => {
    t.text('certificate_no').primary();
    t.text('credit_code').notNullable().index();
    t.date('valid_from').notNullable();
    t.date('valid_until').notNullable();
    t.check('valid_until >= valid_from', [], 'certificate_period_ordered');
  });
  await db.schema.withSchema('science_technology').createTable('rd_spend', (t) => {
    t.text('credit_code').notNullable();
    t.integer('year').notNullable();
    t.bigInteger('rd_spend_fen').notNullable();
    t.primary(['credit_code', 'year']);
    t.check('rd_spend_fen >= 0', [], 'rd_spend_not_negative');
  });
  await db.schema.withSchema('intellectual_property').createTable('patents', (t) => {
    t.text('patent_no').primary();
    t.text('credit_code').notNullable().index();
    t.date('granted_on').notNullable();
    t.date('lapsed_on');
    /** The day the patent went into a product (专利转化), if it has. */
    t.date('converted_on');
  });
  await db.schema.withSchema('human_resources').createTable('insured_counts', (t) => {
    t.text('credit_code').notNullable();
    t.date('month').notNullable();
    t.integer('insured').notNullable();
    t.primary(['credit_code', 'month']);
    t.check('insured >= 0', [], 'insured_not_negative');
  });
  await db.schema.withSchema('zhenghaoban').createTable('messages', (t) => {
    t.bigIncrements('message_id');
    t.text('idempotency_key').notNullable().unique();
    t.text('recipient_credit_code').notNullable().index();
    t.text('template').notNullable();
    t.jsonb('params').notNullable();
    t.timestamp('sent_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
  });
}

async function createCatalogue(db: Knex): Promise<void> {
  await db.schema.withSchema('policy_payout').createTable('policies', (t) => {
    t.text('policy_id').primary();
    t.text('issuer_department').notNullable();
    t.text('issuer_area').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
  });
  await db.schema.withSchema('policy_payout').createTable('policy_versions', (t) => {
    t.text('policy_id').notNullable().references('policy_id').inTable('policy_payout.policies');
    t.integer('version').notNullable();
    t.text('rule_language').notNullable();
    t.jsonb('terms').notNullable();
    t.text('saved_by').notNullable();
    t.timestamp('saved_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.primary(['policy_id', 'version']);
    t.check('version >= 1', [], 'version_from_one');
  });
}

async function createFunds(db: Knex): Promise<void> {
  await db.schema.withSchema('policy_payout').createTable('budgets', (t) => {
    t.text('policy_id').notNullable().references('policy_id').inTable('policy_payout.policies');
    t.integer('year').notNullable();
    t.bigInteger('budget_fen').notNullable();
    t.bigInteger('committed_fen').notNullable().defaultTo(0);
    t.primary(['policy_id', 'year']);
    // The last word on money: however payments race, what is committed never passes the budget.
    t.check('committed_fen >= 0 AND committed_fen <= budget_fen', [], 'budget_never_exceeded');
  });
  // What each eligible enterprise would be paid in full: a pro-rata policy divides its budget by their sum.
  await db.schema.withSchema('policy_payout').createTable('claims', (t) => {
    t.text('policy_id').notNullable();
    t.integer('year').notNullable();
    t.text('credit_code').notNullable();
    t.bigInteger('amount_fen').notNullable();
    t.text('case_id').notNullable();
    t.primary(['policy_id', 'year', 'credit_code']);
    t.check('amount_fen > 0', [], 'claim_positive');
  });
  await db.schema.withSchema('policy_payout').createTable('payments', (t) => {
    t.bigIncrements('payment_id');
    t.text('policy_id').notNullable();
    /** The year the enterprise is entitled for. */
    t.integer('year').notNullable();
    /** The year whose budget paid it: the next one, under a policy that waits for next year's money. */
    t.integer('budget_year').notNullable();
    t.text('credit_code').notNullable();
    t.bigInteger('amount_fen').notNullable();
    t.text('case_id').notNullable();
    t.text('idempotency_key').notNullable().unique();
    t.text('paid_by').notNullable();
    t.text('district').notNullable();
    t.text('issuer_department').notNullable();
    t.timestamp('paid_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.unique(['policy_id', 'year', 'credit_code'], { indexName: 'one_payment_per_policy_year_enterprise' });
    t.foreign(['policy_id', 'budget_year'])
      .references(['policy_id', 'year'])
      .inTable('policy_payout.budgets');
    t.check('amount_fen > 0', [], 'payment_positive');
  });
}

export async function down(db: Knex): Promise<void> {
  for (const table of ['payments', 'claims', 'budgets', 'policy_versions', 'policies']) {
    await db.schema.withSchema('policy_payout').dropTableIfExists(table);
  }
  await db.schema.withSchema('zhenghaoban').dropTableIfExists('messages');
  await db.schema.withSchema('human_resources').dropTableIfExists('insured_counts');
  await db.schema.withSchema('intellectual_property').dropTableIfExists('patents');
  await db.schema.withSchema('science_technology').dropTableIfExists('rd_spend');
  await db.schema.withSchema('science_technology').dropTableIfExists('high_tech_certificates');
  await db.schema.withSchema('tax').dropTableIfExists('enterprise_years');
  await db.schema.withSchema('market_regulation').alterTable('registrations', (t) => {
    t.dropIndex(['district', 'credit_code'], 'registrations_by_district');
    t.dropColumns('name', 'industry', 'district', 'registered_on');
  });
  for (const schema of [
    'policy_payout',
    'zhenghaoban',
    'human_resources',
    'intellectual_property',
    'science_technology',
    'tax',
  ]) {
    await db.raw(`DROP SCHEMA IF EXISTS ${schema}`);
  }
}
