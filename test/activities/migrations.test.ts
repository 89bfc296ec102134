import assert from 'node:assert/strict';
import { createDb } from '../../activities/db/connection';
import { migrateToLatest, pendingMigrations, rollbackAll } from '../../activities/db/migrate';
import { MIGRATIONS } from '../../activities/db/migrations';
import { withScratchDatabase } from '../helpers/database';

async function tablesIn(db: ReturnType<typeof createDb>): Promise<string[]> {
  const result = await db.raw<{ rows: Array<{ name: string }> }>(
    `SELECT table_schema || '.' || table_name AS name FROM information_schema.tables
     WHERE table_schema IN ('onething', 'gas_company', 'city_finance', 'district_finance', 'installer') ORDER BY 1`,
  );
  return result.rows.map((row) => row.name);
}

describe('migrations', function () {
  it('go up from nothing, down to nothing, and up again', async function () {
    await withScratchDatabase(async (url) => {
      const db = createDb(url, { poolMax: 1 });
      try {
        assert.equal((await pendingMigrations(db)).length, MIGRATIONS.length);
        assert.deepEqual(
          await migrateToLatest(db),
          MIGRATIONS.map(([name]) => name),
        );
        const tables = await tablesIn(db);
        assert.deepEqual(tables, [
          'city_finance.ledger',
          'district_finance.ledger',
          'district_finance.tender_prices',
          'gas_company.acceptance_checks',
          'gas_company.accounts',
          'gas_company.eligibility_checks',
          'gas_company.ledger',
          'gas_company.receivables',
          'gas_company.service_contacts',
          'installer.bookings',
          'installer.completion_reports',
          'installer.team_days',
          'installer.teams',
          'onething.audit_log',
          'onething.calendar_years',
          'onething.cases',
          'onething.petition_weekly_index',
          'onething.tasks',
        ]);
        assert.deepEqual(await pendingMigrations(db), []);
        assert.deepEqual(await migrateToLatest(db), [], 'a second run has nothing to do');

        await rollbackAll(db);
        assert.deepEqual(await tablesIn(db), []);
        assert.equal((await pendingMigrations(db)).length, MIGRATIONS.length);

        await migrateToLatest(db);
        assert.deepEqual(await tablesIn(db), tables, 'up again: the same tables');
      } finally {
        await db.destroy();
      }
    });
  });

  it('are named with a timestamp and listed in order', function () {
    const names = MIGRATIONS.map(([name]) => name);
    for (const name of names) assert.match(name, /^\d{14}_[a-z0-9_]+$/);
    assert.deepEqual([...names].sort(), names);
  });
});
