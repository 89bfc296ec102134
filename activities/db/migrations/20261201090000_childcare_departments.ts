import type { Knex } from 'knex';

/**
 * The departments the childcare subsidy asks: market regulation's published price ceilings (最高限价, per district
 * and year, replaced when adjusted, who set it kept with it), and the childcare credit platform's staff blacklist
 * and provider records. Each department keeps its own schema, as the gas retrofit's do.
 */
export async function up(db: Knex): Promise<void> {
  await db.raw('CREATE SCHEMA IF NOT EXISTS market_regulation');
  await db.raw('CREATE SCHEMA IF NOT EXISTS credit_platform');
  await db.schema.withSchema('market_regulation').createTable('childcare_price_ceilings', (t) => {
    t.text('district').notNullable();
    t.integer('year').notNullable();
    t.bigInteger('ceiling_fen').notNullable();
    t.text('published_by').notNullable();
    t.timestamp('published_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.primary(['district', 'year']);
    t.check('ceiling_fen > 0', [], 'price_ceiling_positive');
    t.check('year BETWEEN 2000 AND 2100', [], 'price_ceiling_year_in_range');
  });
  // Staff qualification certificates the platform has barred (personal data: the platform's own system).
  await db.schema.withSchema('credit_platform').createTable('staff_blacklist', (t) => {
    t.text('certificate_number').primary();
    t.text('reason').notNullable();
    t.timestamp('listed_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
  });
  // Adverse records against a provider, by unified social credit code.
  await db.schema.withSchema('credit_platform').createTable('provider_records', (t) => {
    t.bigIncrements('record_id');
    t.text('credit_code').notNullable().index();
    t.text('finding').notNullable();
    t.boolean('adverse').notNullable();
    t.timestamp('recorded_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.withSchema('credit_platform').dropTableIfExists('provider_records');
  await db.schema.withSchema('credit_platform').dropTableIfExists('staff_blacklist');
  await db.schema.withSchema('market_regulation').dropTableIfExists('childcare_price_ceilings');
  await db.raw('DROP SCHEMA IF EXISTS credit_platform');
  await db.raw('DROP SCHEMA IF EXISTS market_regulation');
}
