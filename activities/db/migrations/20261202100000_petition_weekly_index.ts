import type { Knex } from 'knex';

/**
 * The weekly index (心通桥指数) as computed from the platform's own case registry: one row per Beijing week,
 * replaced when the week is recomputed. Indexes on the registry's petition fields keep a week's count cheap.
 */
export async function up(db: Knex): Promise<void> {
  await db.schema.withSchema('onething').createTable('petition_weekly_index', (t) => {
    t.text('week').primary();
    t.timestamp('starts_at', { useTz: true }).notNullable();
    t.timestamp('ends_at', { useTz: true }).notNullable();
    t.integer('received').notNullable();
    t.integer('replied').notNullable();
    t.integer('completed').notNullable();
    t.jsonb('categories').notNullable();
    t.timestamp('computed_at', { useTz: true }).notNullable();
    t.integer('computations').notNullable().defaultTo(1);
  });
  // Receipt times are stored as UTC ISO 8601 strings (toISOString), which sort as the instants they name.
  await db.raw(
    `CREATE INDEX cases_petition_received_at ON onething.cases ((details->>'receivedAt')) WHERE process = 'petition'`,
  );
}

export async function down(db: Knex): Promise<void> {
  await db.raw('DROP INDEX IF EXISTS onething.cases_petition_received_at');
  await db.schema.withSchema('onething').dropTableIfExists('petition_weekly_index');
}
