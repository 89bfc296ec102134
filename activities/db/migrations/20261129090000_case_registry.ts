import type { Knex } from 'knex';

/** The platform's own record of every case, kept current by its workflow, for lists and reports. */
export async function up(db: Knex): Promise<void> {
  await db.raw('CREATE SCHEMA IF NOT EXISTS onething');
  await db.schema.withSchema('onething').createTable('cases', (t) => {
    t.text('case_id').primary();
    t.text('process').notNullable();
    t.text('district').notNullable();
    t.text('stage').notNullable();
    // Stage updates carry the workflow's own sequence so a late retry can never overwrite a newer stage.
    t.integer('stage_seq').notNullable();
    t.jsonb('details').notNullable().defaultTo('{}');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.index(['process', 'district', 'stage']);
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.withSchema('onething').dropTableIfExists('cases');
  await db.raw('DROP SCHEMA IF EXISTS onething');
}
