/**
 * `npm run token`, `npm run demo` and `npm run migrate -- --down` refuse a production configuration, before they
 * sign, send or drop anything.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { PROJECT_ROOT } from '../../platform/config';

const PRODUCTION = {
  PATH: process.env.PATH,
  NODE_ENV: 'production',
  JWT_SECRET: 'x'.repeat(40),
  ONETHING_PAYLOAD_KEYS: `k1:${Buffer.alloc(32, 1).toString('base64')}`,
  // Never contacted: the conveniences refuse before they connect to anything.
  DATABASE_URL: 'postgres://onething:pw@db.internal/onething',
};

const run = (script: string, args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, script), ...args], {
    cwd: PROJECT_ROOT,
    env: PRODUCTION,
    encoding: 'utf8',
    timeout: 60_000,
  });

describe('development conveniences refuse production', function () {
  this.timeout(120_000);

  it('npm run token prints no token', function () {
    const token = run('api/token-cli.ts', [
      '--role',
      'clerk',
      '--dept',
      'gas-company',
      '--district',
      'jinshui',
    ]);
    assert.equal(token.status, 1);
    assert.equal(token.stdout, '');
    assert.match(
      token.stderr,
      /npm run token is a development convenience: it refuses to run when NODE_ENV=production/,
    );
  });

  it('npm run demo sends nothing', function () {
    const demo = run('scripts/demo.ts', []);
    assert.equal(demo.status, 1);
    assert.match(demo.stderr, /npm run demo is a development convenience/);
    assert.doesNotMatch(demo.stderr, /not answering/, 'refused before it looked for the platform');
  });

  it('npm run migrate -- --down refuses: it would drop the audit log', function () {
    const down = run('activities/db/migrate-cli.ts', ['--down']);
    assert.equal(down.status, 1);
    assert.match(down.stderr, /npm run migrate -- --down is a development convenience/);
    assert.doesNotMatch(down.stderr, /db\.internal/, 'refused before it reached for the database');
  });
});
