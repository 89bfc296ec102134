import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDb } from '../../activities/db/connection';
import { migrateToLatest } from '../../activities/db/migrate';
import { portAnswers, startEmbedded } from '../../activities/db/provide-database';

describe('embedded PostgreSQL (the default on a machine without one)', function () {
  this.timeout(120_000);

  it('initialises, starts a real server, takes the migrations, keeps data across restarts, and stops', async function () {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'onething-embedded-'));
    chmodSync(dataDir, 0o755); // as root, PostgreSQL runs as its own user, which must be able to enter it
    const port = 54000 + Math.floor(Math.random() * 900);
    const options = { databaseUrl: undefined, dataDir, embeddedPort: port };
    try {
      const first = await startEmbedded(options, 'onething');
      const db = createDb(first.url, { poolMax: 1 });
      await migrateToLatest(db);
      await db('gas_company.accounts').insert({
        account_ref: 'ZY-000001',
        district: 'zhongyuan',
        user_type: 'residential-lpg',
      });
      const version = await db.raw<{ rows: Array<{ server_version: string }> }>('SHOW server_version');
      assert.match(version.rows[0]!.server_version, /^\d+\.\d+/);
      await db.destroy();
      await first.stop();
      assert.equal(await portAnswers('127.0.0.1', port), false, 'the server stopped');

      const second = await startEmbedded(options, 'onething');
      const again = createDb(second.url, { poolMax: 1 });
      assert.equal((await again('gas_company.accounts').where({ account_ref: 'ZY-000001' })).length, 1);
      await again.destroy();
      await second.stop();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
