import type { Knex } from 'knex';

/**
 * The newspaper's public supervision desk (观观督办): not a government department but an external party with its own
 * records. It keeps each follow-up call a reporter made to the department holding an overdue petition, and the
 * outcome it published. Keys come from the case, so a retried write never records a call or a story twice.
 */
export async function up(db: Knex): Promise<void> {
  await db.raw('CREATE SCHEMA IF NOT EXISTS public_supervision');
  await db.schema.withSchema('public_supervision').createTable('follow_up_calls', (t) => {
    t.text('call_key').primary();
    t.text('case_id').notNullable().index();
    t.text('reporter').notNullable();
    t.text('called_department').notNullable();
    t.text('answer').notNullable();
    t.text('account').notNullable();
    t.timestamp('called_at', { useTz: true }).notNullable();
  });
  await db.schema.withSchema('public_supervision').createTable('published_outcomes', (t) => {
    t.text('case_id').primary();
    t.text('reporter').notNullable();
    t.text('verdict').notNullable();
    t.text('headline').notNullable();
    t.text('url').notNullable();
    t.timestamp('published_at', { useTz: true }).notNullable();
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.withSchema('public_supervision').dropTableIfExists('published_outcomes');
  await db.schema.withSchema('public_supervision').dropTableIfExists('follow_up_calls');
  await db.raw('DROP SCHEMA IF EXISTS public_supervision');
}
