import type { Knex } from 'knex';

/**
 * A change to an application's staff is its own act: the health commission keeps the proposed list here until the
 * case takes the change (its Update), so a list never replaces another silently and a refused change leaves the
 * staff as they were.
 */
export async function up(db: Knex): Promise<void> {
  await db.schema.withSchema('health_commission').createTable('staff_changes', (t) => {
    t.text('change_id').primary();
    t.text('case_id').notNullable();
    // Personal data, like application_staff: names and certificate numbers, never sent to Temporal.
    t.jsonb('staff').notNullable();
    t.text('requested_by').notNullable();
    t.timestamp('requested_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.timestamp('applied_at', { useTz: true });
    t.index(['case_id']);
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.withSchema('health_commission').dropTableIfExists('staff_changes');
}
