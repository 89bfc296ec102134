import type { Knex } from 'knex';

/**
 * The press desk (观观督办) as a desk, not only a ladder's last rung: the posts it took up itself (and why), calls to
 * organisations outside the platform's departments (by name), and its site visits with what the reporter saw.
 */
export async function up(db: Knex): Promise<void> {
  await db.schema.withSchema('public_supervision').createTable('take_ups', (t) => {
    t.text('case_id').primary();
    t.text('reporter').notNullable();
    t.text('account').notNullable();
    t.timestamp('taken_up_at', { useTz: true }).notNullable();
  });
  await db.schema.withSchema('public_supervision').createTable('site_visits', (t) => {
    t.text('visit_key').primary();
    t.text('case_id').notNullable().index();
    t.text('reporter').notNullable();
    t.text('place').notNullable();
    t.text('seen').notNullable();
    t.timestamp('visited_at', { useTz: true }).notNullable();
  });
  await db.schema.withSchema('public_supervision').alterTable('follow_up_calls', (t) => {
    t.text('called_department').nullable().alter();
    t.text('called_organisation');
  });
  await db.raw(`ALTER TABLE public_supervision.follow_up_calls ADD CONSTRAINT follow_up_calls_one_callee
    CHECK ((called_department IS NULL) <> (called_organisation IS NULL))`);
}

export async function down(db: Knex): Promise<void> {
  await db.raw('ALTER TABLE public_supervision.follow_up_calls DROP CONSTRAINT follow_up_calls_one_callee');
  await db('public_supervision.follow_up_calls').whereNull('called_department').delete();
  await db.schema.withSchema('public_supervision').alterTable('follow_up_calls', (t) => {
    t.dropColumn('called_organisation');
    t.text('called_department').notNullable().alter();
  });
  await db.schema.withSchema('public_supervision').dropTableIfExists('site_visits');
  await db.schema.withSchema('public_supervision').dropTableIfExists('take_ups');
}
