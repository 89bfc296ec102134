import type { Knex } from 'knex';

/**
 * The statutory holiday schedules the city has loaded (a year the State Council publishes late in the year before):
 * each overrides the calendar package's data for its year. Who loaded it and when are kept with it.
 */
export async function up(db: Knex): Promise<void> {
  await db.schema.withSchema('onething').createTable('calendar_years', (t) => {
    t.integer('year').primary();
    t.specificType('holidays', 'date[]').notNullable();
    t.specificType('make_up_workdays', 'date[]').notNullable();
    t.text('published_by').notNullable();
    t.timestamp('published_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.check('year BETWEEN 2000 AND 2100', [], 'calendar_year_in_range');
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.withSchema('onething').dropTableIfExists('calendar_years');
}
