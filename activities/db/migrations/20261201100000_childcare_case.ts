import type { Knex } from 'knex';

/**
 * What the childcare case asks of the health commission (the lead department: applications' staff, which are
 * personal data; the city's childcare registry; yearly quality evaluations), of market regulation (business
 * registrations), of fire safety (sign-offs per site) and of civil affairs (the communities that exist).
 */
export async function up(db: Knex): Promise<void> {
  for (const schema of ['health_commission', 'fire_safety', 'civil_affairs']) {
    await db.raw(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  }
  await db.schema.withSchema('health_commission').createTable('application_staff', (t) => {
    t.text('case_id').notNullable();
    t.integer('position').notNullable();
    t.text('name').notNullable();
    t.text('certificate_number').notNullable();
    t.primary(['case_id', 'position']);
  });
  await db.schema.withSchema('health_commission').createTable('childcare_registry', (t) => {
    t.text('case_id').primary();
    t.text('credit_code').notNullable();
    t.text('district').notNullable();
    t.text('street').notNullable();
    t.text('community').notNullable();
    t.text('kind').notNullable();
    t.text('level').notNullable();
    t.integer('slots').notNullable();
    t.timestamp('registered_at', { useTz: true }).notNullable();
    t.index(['district']);
    t.check('slots > 0', [], 'registry_slots_positive');
  });
  await db.schema.withSchema('health_commission').createTable('quality_evaluations', (t) => {
    t.text('case_id').notNullable();
    t.integer('year').notNullable();
    t.text('grade').notNullable();
    t.text('evaluated_by').notNullable();
    t.timestamp('evaluated_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    // Once per provider and year: a retried or repeated evaluation cannot pay a second reward.
    t.primary(['case_id', 'year']);
  });
  await db.schema.withSchema('market_regulation').createTable('registrations', (t) => {
    t.text('credit_code').primary();
    t.text('status').notNullable();
    t.check("status IN ('active', 'revoked')", [], 'registration_status_known');
  });
  await db.schema.withSchema('fire_safety').createTable('sign_offs', (t) => {
    t.text('credit_code').notNullable();
    t.text('site_key').notNullable();
    t.boolean('passed').notNullable();
    t.timestamp('signed_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.primary(['credit_code', 'site_key']);
  });
  await db.schema.withSchema('civil_affairs').createTable('communities', (t) => {
    t.text('district').notNullable();
    t.text('street').notNullable();
    t.text('community').notNullable();
    t.primary(['district', 'street', 'community']);
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.withSchema('civil_affairs').dropTableIfExists('communities');
  await db.schema.withSchema('fire_safety').dropTableIfExists('sign_offs');
  await db.schema.withSchema('market_regulation').dropTableIfExists('registrations');
  await db.schema.withSchema('health_commission').dropTableIfExists('quality_evaluations');
  await db.schema.withSchema('health_commission').dropTableIfExists('childcare_registry');
  await db.schema.withSchema('health_commission').dropTableIfExists('application_staff');
  for (const schema of ['civil_affairs', 'fire_safety', 'health_commission']) {
    await db.raw(`DROP SCHEMA IF EXISTS ${schema}`);
  }
}
