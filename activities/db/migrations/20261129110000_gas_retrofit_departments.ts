import type { Knex } from 'knex';

// Literal copies, not imports: a migration must mean the same thing forever, whatever the code says later.
const DISTRICT_CODES = [
  'zhongyuan',
  'erqi',
  'jinshui',
  'guancheng',
  'huiji',
  'zhengdong',
  'gaoxin',
  'jingkai',
];
const PRICED_ITEMS = ['valve', 'hose', 'hoseExtraPerMetre', 'alarm', 'shutoffValve'];
const inList = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/**
 * A ledger: every booking carries an idempotency key that the database keeps unique, so a retried payment
 * finds its first booking instead of paying twice. A reversal is a negative entry pointing at what it reverses.
 */
function ledger(t: Knex.CreateTableBuilder, name: string): void {
  t.bigIncrements('id').primary();
  t.text('idempotency_key').notNullable().unique();
  t.text('case_id').notNullable();
  t.text('district').notNullable();
  t.bigInteger('amount_fen').notNullable();
  t.text('entry').notNullable();
  t.bigInteger('reverses_id').nullable().unique();
  t.text('reference').notNullable();
  t.timestamp('booked_at', { useTz: true }).notNullable().defaultTo('now()');
  t.check(`entry IN ('booking', 'reversal')`, [], `${name}_entry_known`);
  t.check(
    `(entry = 'booking' AND amount_fen > 0 AND reverses_id IS NULL) OR (entry = 'reversal' AND amount_fen < 0 AND reverses_id IS NOT NULL)`,
    [],
    `${name}_sign_matches_entry`,
  );
  t.index(['case_id']);
}

export async function up(db: Knex): Promise<void> {
  await db.raw('CREATE SCHEMA IF NOT EXISTS city_finance');
  await db.raw('CREATE SCHEMA IF NOT EXISTS district_finance');
  await db.raw('CREATE SCHEMA IF NOT EXISTS installer');

  // Tender prices are appended, never overwritten: the current price is the newest row per district and item.
  await db.schema.withSchema('district_finance').createTable('tender_prices', (t) => {
    t.bigIncrements('id').primary();
    t.text('district').notNullable();
    t.text('item').notNullable();
    t.integer('price_fen').notNullable();
    t.text('tender_ref').notNullable();
    t.text('set_by').notNullable();
    t.timestamp('set_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.check(`district IN (${inList(DISTRICT_CODES)})`, [], 'tender_prices_district_known');
    t.check(`item IN (${inList(PRICED_ITEMS)})`, [], 'tender_prices_item_known');
    t.check('price_fen > 0', [], 'tender_prices_positive');
    t.index(['district', 'item', 'id']);
  });

  await db.schema.withSchema('city_finance').createTable('ledger', (t) => ledger(t, 'city_ledger'));
  await db.schema.withSchema('district_finance').createTable('ledger', (t) => ledger(t, 'district_ledger'));
  await db.schema.withSchema('gas_company').createTable('ledger', (t) => ledger(t, 'gas_ledger'));
  await db.schema.withSchema('gas_company').createTable('receivables', (t) => ledger(t, 'gas_receivables'));

  await db.schema.withSchema('installer').createTable('teams', (t) => {
    t.text('team_id').primary();
    t.text('district').notNullable();
    t.integer('daily_capacity').notNullable();
    t.check(`district IN (${inList(DISTRICT_CODES)})`, [], 'teams_district_known');
    t.check('daily_capacity > 0', [], 'teams_capacity_positive');
    t.index(['district']);
  });
  // One row per team and day; the CHECK is what makes overbooking impossible, whatever the code above does.
  await db.schema.withSchema('installer').createTable('team_days', (t) => {
    t.text('team_id').notNullable().references('team_id').inTable('installer.teams');
    t.date('day').notNullable();
    t.integer('capacity').notNullable();
    t.integer('booked').notNullable().defaultTo(0);
    t.primary(['team_id', 'day']);
    t.check('booked >= 0 AND booked <= capacity', [], 'team_days_never_overbooked');
  });
  await db.schema.withSchema('installer').createTable('bookings', (t) => {
    t.bigIncrements('booking_id').primary();
    t.text('idempotency_key').notNullable().unique();
    t.text('case_id').notNullable();
    t.text('team_id').notNullable();
    t.date('day').notNullable();
    t.text('status').notNullable().defaultTo('booked');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.foreign(['team_id', 'day']).references(['team_id', 'day']).inTable('installer.team_days');
    t.check(`status IN ('booked', 'released', 'missed', 'completed')`, [], 'bookings_status_known');
    t.index(['case_id']);
  });
  // A case holds at most one live booking.
  await db.raw(
    `CREATE UNIQUE INDEX bookings_one_live_per_case ON installer.bookings (case_id) WHERE status = 'booked'`,
  );
  await db.schema.withSchema('installer').createTable('completion_reports', (t) => {
    t.bigIncrements('id').primary();
    t.text('idempotency_key').notNullable().unique();
    t.text('case_id').notNullable();
    t.bigInteger('booking_id').notNullable().references('booking_id').inTable('installer.bookings');
    t.jsonb('serials').notNullable();
    t.text('reported_by').notNullable();
    t.timestamp('reported_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
  });
  await db.schema.withSchema('gas_company').createTable('acceptance_checks', (t) => {
    t.bigIncrements('id').primary();
    t.text('idempotency_key').notNullable().unique();
    t.text('case_id').notNullable();
    t.text('result').notNullable();
    t.text('reason');
    t.text('inspector').notNullable();
    t.timestamp('checked_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.check(`result IN ('pass', 'fail')`, [], 'acceptance_result_known');
    t.check(`result = 'pass' OR reason IS NOT NULL`, [], 'acceptance_fail_has_reason');
  });

  // Human tasks that workflows open and close, for GET /v1/tasks.
  await db.schema.withSchema('onething').createTable('tasks', (t) => {
    t.text('task_id').primary();
    t.text('case_id').notNullable();
    t.text('kind').notNullable();
    t.text('department').notNullable();
    t.text('district').notNullable();
    t.text('role').notNullable();
    t.timestamp('due_at', { useTz: true }).notNullable();
    t.integer('escalation_rung').notNullable().defaultTo(0);
    t.text('status').notNullable().defaultTo('open');
    t.timestamp('opened_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.timestamp('closed_at', { useTz: true });
    t.check(`status IN ('open', 'done', 'cancelled')`, [], 'tasks_status_known');
    t.index(['status', 'department', 'district']);
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.withSchema('onething').dropTableIfExists('tasks');
  await db.schema.withSchema('gas_company').dropTableIfExists('acceptance_checks');
  await db.schema.withSchema('installer').dropTableIfExists('completion_reports');
  await db.schema.withSchema('installer').dropTableIfExists('bookings');
  await db.schema.withSchema('installer').dropTableIfExists('team_days');
  await db.schema.withSchema('installer').dropTableIfExists('teams');
  await db.schema.withSchema('gas_company').dropTableIfExists('receivables');
  await db.schema.withSchema('gas_company').dropTableIfExists('ledger');
  await db.schema.withSchema('district_finance').dropTableIfExists('ledger');
  await db.schema.withSchema('city_finance').dropTableIfExists('ledger');
  await db.schema.withSchema('district_finance').dropTableIfExists('tender_prices');
  await db.raw('DROP SCHEMA IF EXISTS installer');
  await db.raw('DROP SCHEMA IF EXISTS district_finance');
  await db.raw('DROP SCHEMA IF EXISTS city_finance');
}
