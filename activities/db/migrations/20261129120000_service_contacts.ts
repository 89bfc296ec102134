import type { Knex } from 'knex';

/**
 * The contact the gas company's installers use to reach a household. Personal data: it lives here, in the
 * department system that needs it, and never in workflow histories, search attributes, IDs or logs.
 */
export async function up(db: Knex): Promise<void> {
  await db.schema.withSchema('gas_company').createTable('service_contacts', (t) => {
    t.text('case_id').primary();
    t.text('name').notNullable();
    t.text('phone').notNullable();
    t.text('address').notNullable();
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.withSchema('gas_company').dropTableIfExists('service_contacts');
}
