/**
 * `npm start`: the whole platform on one machine. Starts (or reuses) the Temporal dev server with its Web UI,
 * provides PostgreSQL and migrates it, seeds demo accounts, starts the worker and the API, then prints how to
 * use it. Ctrl-C (or SIGTERM) stops everything it started.
 */
import path from 'node:path';
import type { Client } from '@temporalio/client';
import { createPostgresAdapters } from '../activities/adapters';
import { createDb, type Db } from '../activities/db/connection';
import { migrateToLatest } from '../activities/db/migrate';
import { portAnswers, provideDatabase, type ProvidedDatabase } from '../activities/db/provide-database';
import { demoAccounts, demoInstallerTeams } from '../processes/gas-retrofit/demo-seed';
import { signToken } from '../api/auth';
import { gasRetrofitHouseholdWorkflowId } from '../processes/gas-retrofit/workflow/contract';
import { loadConfig, PROJECT_ROOT, type PlatformConfig } from '../platform/config';
import { ensureSchedules } from '../platform/schedules';
import { PROCESS_MODULES, processSchedules } from '../processes';
import { ensureSearchAttributes } from '../platform/search-attributes';
import { connectClient } from '../platform/temporal';
import {
  startChild,
  stopChild,
  tailOf,
  tsEntry,
  waitUntilReady,
  type ManagedChild,
} from './lib/child-processes';
import { temporalCliPath } from './lib/temporal-binaries';
import { ensureWorkbenchBuilt } from './lib/workbench-build';
import { DEMO_PEOPLE } from '../api/workbench/demo-people';
import { DEMO_DISTRICT_RESIDENTS } from '../activities/db/seeds/demo-residents';

const DEMO_ACCOUNTS_PER_DISTRICT = 200;

function say(message: string): void {
  process.stdout.write(`${message}\n`);
}

function isLocalAddress(address: string): { host: string; port: number } | undefined {
  const match = /^(127\.0\.0\.1|localhost):(\d+)$/.exec(address);
  return match ? { host: '127.0.0.1', port: Number(match[2]) } : undefined;
}

class Platform {
  private children: ManagedChild[] = [];
  private database: ProvidedDatabase | undefined;
  private stopping: Promise<void> | undefined;
  private readonly logDir: string;

  constructor(private readonly config: PlatformConfig) {
    this.logDir = path.join(config.dataDir, 'logs');
  }

  async start(): Promise<void> {
    const { config } = this;
    // The database first: a missing or misconfigured one is the likeliest failure, so it should fail fast.
    say('• preparing PostgreSQL');
    this.database = await provideDatabase({
      databaseUrl: config.databaseUrl,
      dataDir: config.dataDir,
      embeddedPort: config.embeddedPostgresPort,
      log: (message) => say(`  ${message}`),
    });
    const nextAccount = await this.prepareDatabase(createDb(this.database.url, { poolMax: 2 }));

    const temporalUi = await this.startTemporal();
    const client = await this.connectTemporal();

    const childEnv = {
      ...process.env,
      DATABASE_URL: this.database.url,
      ONETHING_DATA_DIR: config.dataDir,
      // Demo resident counts (published 2019 figures) unless the developer set their own.
      ONETHING_DISTRICT_RESIDENTS: process.env.ONETHING_DISTRICT_RESIDENTS ?? DEMO_DISTRICT_RESIDENTS,
    };
    if (!process.env.ONETHING_DISTRICT_RESIDENTS) {
      say('  childcare coverage: demo resident counts (2019年郑州市常住人口主要数据公报)');
    }
    say("• building the clerks' workbench if its sources changed");
    if (ensureWorkbenchBuilt()) say('  built into dist/workbench');
    say('• starting worker and API');
    this.spawn('worker', path.join(PROJECT_ROOT, 'workers', 'main.ts'), childEnv);
    this.spawn('api', path.join(PROJECT_ROOT, 'api', 'server.ts'), childEnv);
    const apiUrl = `http://${config.api.host}:${config.api.port}`;
    await waitUntilReady('the API', async () => (await fetch(`${apiUrl}/readyz`)).ok, { timeoutMs: 90_000 });
    await client.connection.close();

    await this.printWelcome(apiUrl, temporalUi, nextAccount);
  }

  /** Where everything is, a clerk's and a supervisor's token, and a curl line that starts a household. */
  private async printWelcome(
    apiUrl: string,
    temporalUi: string | undefined,
    nextAccount: string,
  ): Promise<void> {
    const { config } = this;
    const token = await signToken(
      {
        sub: 'demo-clerk-jinshui',
        name: 'Demo Clerk',
        dept: 'gas-company',
        district: 'jinshui',
        roles: ['clerk'],
      },
      config.jwt,
    );
    const supervisorToken = await signToken(
      {
        sub: 'demo-supervisor',
        name: 'Demo Supervisor',
        dept: 'gas-safety-office',
        district: 'city',
        roles: ['supervisor'],
      },
      config.jwt,
    );
    const body = JSON.stringify({
      district: 'jinshui',
      accountRef: nextAccount,
      userType: 'residential-pipeline',
      channel: 'window',
      items: { valve: true, hoseLengthM: 2.5 },
      // Made-up demo contact; real contacts stay in the gas company's tables and never reach Temporal.
      contact: { name: '张三', phone: '13800000000', address: '金水区示例路 1 号' },
    });
    say('');
    say('OneThing is running.');
    say(`  Temporal Web UI   ${temporalUi ?? '(external Temporal; use its own UI)'}`);
    say(`  API               ${apiUrl}   (docs ${apiUrl}/docs, OpenAPI ${apiUrl}/openapi.json)`);
    say(`  Workbench         ${apiUrl}/workbench   (clerks' tasks, cases and decisions in a browser)`);
    say(`  Health            ${apiUrl}/livez (alive), ${apiUrl}/readyz (Temporal and PostgreSQL answer)`);
    say(`  API metrics       http://${config.apiMetrics.host}:${config.apiMetrics.port}/metrics`);
    say(`  Worker metrics    http://${config.workerMetricsBindAddress}/metrics`);
    say(`  Database          ${this.database?.source} PostgreSQL`);
    say(`  Logs              ${this.logDir}`);
    say('');
    say('Sign in to the workbench as one of the demo people (development only, no password):');
    for (const person of DEMO_PEOPLE) say(`  ${person.claims.name}  (${person.id})`);
    say('');
    say('A clerk token (gas company, 金水区), valid for ' + config.jwt.tokenTtl + ':');
    say(`  ${token}`);
    say('');
    say('A supervisor token (city-wide), for the API and for decoding in the Web UI:');
    say(`  ${supervisorToken}`);
    say(
      `  sign in at ${config.codec.publicEndpoint}/sign-in, then follow the page's two steps in the Web UI`,
    );
    say('');
    say('Start a household case:');
    say(
      `  curl -sS -X POST ${apiUrl}/v1/gas-retrofit/households -H 'Authorization: Bearer ${token}' ` +
        `-H 'Content-Type: application/json' -d '${body}'`,
    );
    say('');
    say('Press Ctrl-C to stop everything.');
  }

  /** Starts a dev server when TEMPORAL_ADDRESS is local and free; returns the Web UI URL if there is one. */
  private async startTemporal(): Promise<string | undefined> {
    const { temporal, devServerUiPort, dataDir } = this.config;
    const local = isLocalAddress(temporal.address);
    if (!local) {
      say(`• using Temporal at ${temporal.address} (namespace ${temporal.namespace})`);
      return undefined;
    }
    const uiUrl = `http://127.0.0.1:${devServerUiPort}`;
    if (await portAnswers(local.host, local.port)) {
      say(`• reusing the Temporal server already listening on ${temporal.address}`);
      return uiUrl;
    }
    say(`• starting the Temporal dev server on ${temporal.address} (Web UI ${uiUrl})`);
    this.children.push(
      startChild(
        'temporal',
        temporalCliPath(),
        [
          'server',
          'start-dev',
          '--ip',
          local.host,
          '--port',
          String(local.port),
          '--ui-port',
          String(devServerUiPort),
          '--db-filename',
          path.join(dataDir, 'temporal.sqlite'),
          '--namespace',
          temporal.namespace,
          '--ui-disable-news-fetch',
          // The UI decodes payloads through our codec server; without a signed-in supervisor it shows ciphertext.
          '--ui-codec-endpoint',
          this.config.codec.publicEndpoint,
          '--log-level',
          'warn',
        ],
        { env: process.env, logDir: this.logDir, cwd: PROJECT_ROOT },
      ),
    );
    const devServer = this.children[this.children.length - 1]!;
    this.watch(devServer);
    await waitUntilReady('the Temporal dev server', () => portAnswers(local.host, local.port), {
      timeoutMs: 60_000,
      child: devServer,
    });
    await waitUntilReady('the Temporal Web UI', () => portAnswers('127.0.0.1', devServerUiPort), {
      timeoutMs: 60_000,
    });
    return uiUrl;
  }

  private async connectTemporal(): Promise<Client> {
    let client: Client | undefined;
    await waitUntilReady(
      'the Temporal frontend',
      async () => {
        client ??= await connectClient(this.config);
        await client.workflowService.getSystemInfo({});
        return true;
      },
      { timeoutMs: 60_000 },
    );
    const added = await ensureSearchAttributes(client!, this.config.temporal.namespace);
    if (added.length > 0) say(`  registered search attributes: ${added.join(', ')}`);
    const schedules = await ensureSchedules(client!, processSchedules(this.config.taskQueue));
    say(`  schedules: ${schedules.join(', ')}`);
    return client!;
  }

  /** Migrates, seeds the demo gas accounts and each process's departments (its module's demoSeed), and picks an account without a case for the printed curl line. */
  private async prepareDatabase(db: Db): Promise<string> {
    try {
      const applied = await migrateToLatest(db);
      say(applied.length ? `  migrations applied: ${applied.join(', ')}` : '  schema up to date');
      const accounts = demoAccounts(DEMO_ACCOUNTS_PER_DISTRICT);
      const adapters = createPostgresAdapters(db);
      await adapters.gasCompany.upsertAccounts(accounts);
      await adapters.installer.upsertTeams(demoInstallerTeams());
      for (const { demoSeed } of PROCESS_MODULES) await demoSeed?.(adapters);
      const jinshui = accounts.filter(
        (a) => a.district === 'jinshui' && a.userType === 'residential-pipeline' && a.status === 'active',
      );
      const started = new Set(
        (await db('onething.cases').where({ district: 'jinshui' }).pluck<string[]>('case_id')) ?? [],
      );
      const free = jinshui.find((a) => !started.has(gasRetrofitHouseholdWorkflowId('jinshui', a.accountRef)));
      return (free ?? jinshui[0]!).accountRef;
    } finally {
      await db.destroy();
    }
  }

  private spawn(name: string, entry: string, env: NodeJS.ProcessEnv): void {
    const { command, args } = tsEntry(entry);
    const child = startChild(name, command, args, { env, logDir: this.logDir, cwd: PROJECT_ROOT });
    this.children.push(child);
    this.watch(child);
  }

  /** Any child that dies on its own takes the platform down with it, loudly. */
  private watch(child: ManagedChild): void {
    void child.exited.then((code) => {
      if (this.stopping) return;
      process.stderr.write(
        `\n${child.name} exited unexpectedly (${code}); last lines of ${child.logFile}:\n${tailOf(child.logFile)}\n`,
      );
      void this.stop().then(() => process.exit(1));
    });
  }

  stop(): Promise<void> {
    this.stopping ??= (async () => {
      // Reverse start order: API and worker first (they drain), then Temporal, then the database.
      for (const child of [...this.children].reverse()) await stopChild(child, 15_000);
      await this.database?.stop();
    })();
    return this.stopping;
  }
}

async function main(): Promise<void> {
  let config: PlatformConfig;
  try {
    config = loadConfig();
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(1);
  }
  const platform = new Platform(config);
  const shutdown = (signal: string) => {
    say(`\n${signal} received: stopping OneThing...`);
    void platform.stop().then(() => {
      say('stopped.');
      process.exit(0);
    });
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  try {
    await platform.start();
  } catch (error) {
    const known = ['ConfigError', 'DatabaseUnavailableError'].includes((error as Error).name);
    process.stderr.write(
      `OneThing could not start: ${known ? (error as Error).message : String((error as Error).stack)}\n`,
    );
    await platform.stop();
    process.exit(1);
  }
}

void main();
