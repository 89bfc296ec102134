import type { Knex } from 'knex';

/**
 * The petition office (信访局): its routing table (category and district → the responsible department), edited by a
 * city supervisor; and the posts themselves — text, location and the petitioner's contact, personal data kept
 * here and never in Temporal.
 */
export async function up(db: Knex): Promise<void> {
  await db.raw('CREATE SCHEMA IF NOT EXISTS petition_office');
  await db.schema.withSchema('petition_office').createTable('routes', (t) => {
    t.text('category').notNullable();
    t.text('district').notNullable();
    t.text('department').notNullable();
    t.text('updated_by').notNullable();
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.primary(['category', 'district']);
  });
  await db.schema.withSchema('petition_office').createTable('petitions', (t) => {
    t.text('case_id').primary();
    t.text('text').notNullable();
    t.text('location').notNullable();
    t.text('contact_name').notNullable();
    t.text('contact_phone').notNullable();
    t.timestamp('received_at', { useTz: true }).notNullable();
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.withSchema('petition_office').dropTableIfExists('petitions');
  await db.schema.withSchema('petition_office').dropTableIfExists('routes');
  await db.raw('DROP SCHEMA IF EXISTS petition_office');
}
