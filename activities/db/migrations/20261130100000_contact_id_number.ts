import type { Knex } from 'knex';

/** The account holder's identity card number, when the resident gives it (subsidy checks need it). Personal data. */
export async function up(db: Knex): Promise<void> {
  await db.schema.withSchema('gas_company').alterTable('service_contacts', (t) => {
    t.text('id_number');
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.withSchema('gas_company').alterTable('service_contacts', (t) => {
    t.dropColumn('id_number');
  });
}
