import assert from 'node:assert/strict';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { ConfigError, loadConfig, PROJECT_ROOT } from '../../platform/config';
import { DEMO_DISTRICT_RESIDENTS } from '../../activities/db/seeds/demo-residents';

const dataDir = path.join(os.tmpdir(), 'onething-config-test');
const base = { ONETHING_DATA_DIR: dataDir, TEMPORAL_CONFIG_FILE: '/nonexistent/temporal.toml' };

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig({ ...base, ...env });
  } catch (error) {
    assert.ok(error instanceof ConfigError, `expected ConfigError, got ${String(error)}`);
    return error.problems;
  }
  assert.fail('expected the configuration to be refused');
}

describe('configuration', function () {
  it('has working defaults for a local machine', function () {
    const config = loadConfig(base);
    assert.equal(config.temporal.address, '127.0.0.1:7233');
    assert.equal(config.temporal.namespace, 'default');
    assert.equal(config.api.port, 3000);
    assert.equal(config.databaseUrl, undefined);
    assert.ok(config.jwt.secret.length >= 32, 'a development signing key is generated');
  });

  it('reads Temporal address, namespace and API key through envconfig', function () {
    const config = loadConfig({
      ...base,
      TEMPORAL_ADDRESS: 'onething.a1b2c.tmprl.cloud:7233',
      TEMPORAL_NAMESPACE: 'onething.a1b2c',
      TEMPORAL_API_KEY: 'secret-key',
    });
    assert.equal(config.temporal.address, 'onething.a1b2c.tmprl.cloud:7233');
    assert.equal(config.temporal.namespace, 'onething.a1b2c');
    assert.equal(config.temporal.connection.apiKey, 'secret-key');
    assert.ok(config.temporal.connection.tls, 'an API key turns TLS on');
  });

  const refusals: Array<[string, NodeJS.ProcessEnv, RegExp]> = [
    ['a port that is not a number', { API_PORT: 'abc' }, /^API_PORT must be a whole number \(got "abc"\)/],
    ['a port out of range', { WORKER_METRICS_PORT: '70000' }, /^WORKER_METRICS_PORT must be a port number/],
    [
      'a database URL of another kind',
      { DATABASE_URL: 'mysql://db/onething' },
      /^DATABASE_URL must be a postgres:\/\/ URL/,
    ],
    [
      'a Temporal address without a port',
      { TEMPORAL_ADDRESS: 'localhost' },
      /^TEMPORAL_ADDRESS must be host:port/,
    ],
    ['a namespace with spaces', { TEMPORAL_NAMESPACE: 'my namespace' }, /^TEMPORAL_NAMESPACE must be/],
    ['a short JWT secret', { JWT_SECRET: 'short' }, /^JWT_SECRET must be at least 32 characters$/],
    ['an unknown log level', { LOG_LEVEL: 'loud' }, /^LOG_LEVEL /],
    [
      'production without a JWT secret',
      { NODE_ENV: 'production' },
      /^JWT_SECRET is required when NODE_ENV=production/,
    ],
    [
      'a payload key of the wrong size',
      { ONETHING_PAYLOAD_KEYS: 'k1:c2hvcnQ=' },
      /^ONETHING_PAYLOAD_KEYS key k1 must be 32 bytes/,
    ],
    [
      'the fault hook in development',
      { ONETHING_FAULT: 'kill-after-commit' },
      /^ONETHING_FAULT is only accepted when NODE_ENV=test$/,
    ],
    [
      'the fault hook in production',
      {
        NODE_ENV: 'production',
        JWT_SECRET: 'x'.repeat(40),
        ONETHING_PAYLOAD_KEYS: `k1:${Buffer.alloc(32, 1).toString('base64')}`,
        DATABASE_URL: 'postgres://onething:pw@db.internal/onething',
        ONETHING_FAULT: 'flaky:0.3',
      },
      /^ONETHING_FAULT is only accepted when NODE_ENV=test$/,
    ],
    [
      'a negative workflow cache',
      { WORKER_MAX_CACHED_WORKFLOWS: '-1' },
      /^WORKER_MAX_CACHED_WORKFLOWS must be 0 or more/,
    ],
    [
      'a malformed fault in a test run',
      { NODE_ENV: 'test', ONETHING_FAULT: 'flaky:2' },
      /^ONETHING_FAULT must be kill-after-commit/,
    ],
    [
      'production without payload keys',
      { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) },
      /^ONETHING_PAYLOAD_KEYS is required when NODE_ENV=production/,
    ],
  ];
  for (const [label, env, expected] of refusals) {
    it(`refuses ${label}, naming the variable and the rule`, function () {
      const problems = problemsOf(env);
      assert.ok(
        problems.some((p) => expected.test(p)),
        `${JSON.stringify(problems)} should match ${expected}`,
      );
    });
  }

  describe('production refuses what development allows', function () {
    const production = {
      NODE_ENV: 'production',
      JWT_SECRET: randomBytes(36).toString('base64url'),
      ONETHING_PAYLOAD_KEYS: `k1:${randomBytes(32).toString('base64')}`,
      DATABASE_URL: 'postgres://onething:s3cret-pw@db.internal:5432/onething',
    };

    it('accepts a complete production configuration', function () {
      assert.equal(loadConfig({ ...base, ...production }).production, true);
    });

    it('refuses a missing or passwordless DATABASE_URL: no local or embedded PostgreSQL', function () {
      const withoutDatabase = { ...production, DATABASE_URL: undefined };
      assert.match(
        problemsOf(withoutDatabase).join('\n'),
        /DATABASE_URL is required when NODE_ENV=production/,
      );
      assert.match(
        problemsOf({ ...production, DATABASE_URL: 'postgres://postgres@db.internal:5432/onething' }).join(
          '\n',
        ),
        /DATABASE_URL must name a password/,
      );
    });

    it('refuses a Temporal on another host without TLS, and accepts it with TLS', function () {
      const remote = { ...production, TEMPORAL_ADDRESS: 'temporal.internal:7233' };
      assert.match(
        problemsOf(remote).join('\n'),
        /TEMPORAL_ADDRESS temporal.internal:7233 is not local: TEMPORAL_TLS/,
      );
      assert.equal(
        loadConfig({ ...base, ...remote, TEMPORAL_TLS: 'true' }).temporal.address,
        'temporal.internal:7233',
      );
    });

    it('refuses a key that appears in the repository, naming the file and never the key', function () {
      // A secret copied out of the repository's own text: anyone with a checkout could sign tokens with it.
      const readme = readFileSync(path.join(PROJECT_ROOT, 'README.md'), 'utf8');
      const copied = readme.match(/[^\n]{40}/)![0];
      const problems = problemsOf({ ...production, JWT_SECRET: copied });
      assert.match(
        problems.join('\n'),
        /JWT_SECRET holds a key that appears in the repository \(README\.md\)/,
      );
      assert.ok(!problems.join('\n').includes(copied));
      const key = Buffer.alloc(32, 7).toString('base64');
      const withKey = { ...production, ONETHING_PAYLOAD_KEYS: `k9:${key}` };
      for (const [folder, refused] of [
        ['docs', true],
        // test-output/ is generated by test runs, not published with the code.
        ['test-output', false],
      ] as const) {
        const fixture = path.join(PROJECT_ROOT, folder, 'leaked-key-fixture.txt');
        mkdirSync(path.dirname(fixture), { recursive: true });
        writeFileSync(fixture, `ONETHING_PAYLOAD_KEYS=k9:${key}\n`);
        try {
          if (refused) {
            assert.match(
              problemsOf(withKey).join('\n'),
              /ONETHING_PAYLOAD_KEYS holds a key that appears in the repository \(docs\/leaked-key-fixture\.txt\)/,
            );
          } else {
            assert.doesNotThrow(() => loadConfig({ ...base, ...withKey }));
          }
        } finally {
          rmSync(fixture);
        }
      }
    });
  });

  it('accepts the fault hook only in a test run', function () {
    assert.deepEqual(
      loadConfig({ ...base, NODE_ENV: 'test', ONETHING_FAULT: 'hang:0.3:cityFinance' }).fault,
      {
        kind: 'hang',
        rate: 0.3,
        adapters: ['cityFinance'],
      },
    );
  });

  it('never repeats a secret value in its message', function () {
    const problems = problemsOf({
      JWT_SECRET: 'tooshort-but-secret',
      DATABASE_URL: 'mysql://user:hunter2@db/x',
    });
    assert.ok(!problems.join('\n').includes('hunter2'));
    assert.ok(!problems.join('\n').includes('tooshort-but-secret'));
  });

  it('the demo’s resident counts (published 2019 figures) are a valid setting for all sixteen areas', function () {
    const residents = loadConfig({
      ...base,
      ONETHING_DISTRICT_RESIDENTS: DEMO_DISTRICT_RESIDENTS,
    }).childcareResidents;
    assert.equal(Object.keys(residents).length, 16);
    assert.equal(residents.jinshui, 1_333_000);
    assert.equal(residents.shangjie, 163_000);
  });

  it('reads resident counts per district for childcare coverage, naming the rule when malformed', function () {
    assert.deepEqual(loadConfig(base).childcareResidents, {});
    assert.deepEqual(
      loadConfig({ ...base, ONETHING_DISTRICT_RESIDENTS: 'jinshui:1600000,erqi:760000' }).childcareResidents,
      { jinshui: 1_600_000, erqi: 760_000 },
    );
    for (const bad of ['jinshui', 'nowhere:100', 'jinshui:-5', 'jinshui:1e6']) {
      assert.match(
        problemsOf({ ONETHING_DISTRICT_RESIDENTS: bad }).join('\n'),
        /ONETHING_DISTRICT_RESIDENTS.*district:residents/,
        bad,
      );
    }
  });
});
