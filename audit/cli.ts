#!/usr/bin/env node
/**
 * `npm run audit -- <command>` (or the `onething-audit` bin after `npm run build`): the auditors' tool.
 *   export    histories by workflow ID or visibility query into JSON files (raw: still encrypted)
 *   replay    files or live histories against the current workflow code; exit 1 on any nondeterminism
 *   timeline  one case's decisions, actors, rules, deadlines and money; text, JSON or HTML
 *   reconcile settlements re-derived from histories against the department ledgers; exit 1 on a discrepancy
 *   retention deletes audit-log records older than the retention period (the database refuses younger ones)
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Client } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { Command, Option } from 'commander';
import { SingleBar, Presets } from 'cli-progress';
import { PostgresAuditLog } from '../activities/adapters/audit-log/postgres';
import { createDb } from '../activities/db/connection';
import { findRunningDatabase } from '../activities/db/provide-database';
import { createDataConverter } from '../platform/codec/data-converter';
import { AesGcmPayloadCodec } from '../platform/codec/payload-codec';
import { loadConfig, type PlatformConfig } from '../platform/config';
import { connectClient } from '../platform/temporal';
import { decoderFor } from './decode';
import { fetchLiveHistory, loadHistoryFile, sha256Of, workflowIdsMatching, type Evidence } from './histories';
import { reconcile } from './reconcile';
import { replayAll, type ReplayOutcome } from './replay';
import { buildTimeline } from './timeline';
import { timelineHtml, timelineJson, timelineText } from './timeline-format';

const config = (() => {
  let loaded: PlatformConfig | undefined;
  return () => (loaded ??= loadConfig());
})();

/** Without the codec: what is exported is the evidence exactly as Temporal holds it. */
const rawClient = (): Promise<Client> => connectClient(config(), { raw: true });

async function gather(files: string[], query: string | undefined): Promise<Evidence[]> {
  const evidence = files.map(loadHistoryFile);
  if (query) {
    const client = await rawClient();
    try {
      for (const id of await workflowIdsMatching(client, query))
        evidence.push(await fetchLiveHistory(client, id));
    } finally {
      await client.connection.close();
    }
  }
  if (evidence.length === 0) throw new Error('no histories: name files or give --query');
  return evidence;
}

const decode = () => decoderFor(new AesGcmPayloadCodec(config().payloadKeys));

/** The ledgers and audit log where `npm start` keeps them, or the database given. */
const databaseOf = (options: { database?: string }) =>
  findRunningDatabase({
    databaseUrl: options.database ?? config().databaseUrl,
    embeddedPort: config().embeddedPostgresPort,
  });

async function exportHistories(ids: string[], options: { query?: string; out: string }): Promise<void> {
  const client = await rawClient();
  try {
    const all = [...ids, ...(options.query ? await workflowIdsMatching(client, options.query) : [])];
    if (all.length === 0) throw new Error('nothing to export: give workflow IDs or --query');
    mkdirSync(options.out, { recursive: true });
    for (const id of all) {
      const json = historyToJSON(await client.workflow.getHandle(id).fetchHistory());
      const file = path.join(options.out, `${id.replace(/[^A-Za-z0-9._:-]/g, '_')}.json`);
      writeFileSync(file, json);
      console.log(`${sha256Of(json)}  ${file}`);
    }
  } finally {
    await client.connection.close();
  }
}

/** Runs a share of the files in a child process per core; each answers with JSON lines. */
function replayInChild(files: string[]): Promise<ReplayOutcome[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [...process.execArgv, __filename, 'replay', '--json', '--jobs', '1', ...files],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('exit', () =>
      resolve(
        out
          .split('\n')
          .filter((line) => line.startsWith('{'))
          .map((line) => JSON.parse(line) as ReplayOutcome),
      ),
    );
  });
}

async function replayCommand(files: string[], options: { query?: string; jobs: string; json?: boolean }) {
  const jobs = Math.max(1, Number(options.jobs));
  const report = (o: ReplayOutcome) =>
    console.log(
      options.json
        ? JSON.stringify(o)
        : `${o.ok ? 'ok  ' : 'FAIL'}  ${o.source}${o.error ? `\n      ${o.error}` : ''}`,
    );
  let outcomes: ReplayOutcome[];
  if (jobs > 1 && files.length > jobs && !options.query) {
    const shares = Array.from({ length: jobs }, (_, i) => files.filter((_, j) => j % jobs === i));
    outcomes = (await Promise.all(shares.map(replayInChild))).flat();
    outcomes.forEach(report);
  } else {
    const evidence = await gather(files, options.query);
    const bar = options.json || !process.stderr.isTTY ? undefined : new SingleBar({}, Presets.shades_classic);
    bar?.start(evidence.length, 0);
    outcomes = await replayAll(
      evidence,
      {
        dataConverter: createDataConverter(config().payloadKeys),
        workflowBundlePath: config().workflowBundlePath,
      },
      (o) => {
        bar?.increment();
        if (!bar) report(o);
      },
    );
    bar?.stop();
    if (bar) outcomes.forEach(report);
  }
  const failed = outcomes.filter((o) => !o.ok).length;
  if (!options.json) console.log(`${outcomes.length - failed} replayed clean, ${failed} failed`);
  if (failed > 0 || outcomes.length === 0) process.exitCode = 1;
}

async function timelineCommand(target: string, options: { format: string; out?: string; database?: string }) {
  const evidence = target.endsWith('.json')
    ? loadHistoryFile(target)
    : await (async () => {
        const client = await rawClient();
        try {
          return await fetchLiveHistory(client, target);
        } finally {
          await client.connection.close();
        }
      })();
  const db = options.database ? createDb(options.database, { poolMax: 1 }) : undefined;
  try {
    const refusals = db ? await new PostgresAuditLog(db).forCase(evidence.workflowId) : [];
    const timeline = await buildTimeline(evidence, decode(), refusals);
    const render = { text: timelineText, json: timelineJson, html: timelineHtml }[options.format as 'text'];
    const output = render(timeline);
    if (options.out) writeFileSync(options.out, output);
    else process.stdout.write(output);
  } finally {
    await db?.destroy();
  }
}

async function reconcileCommand(files: string[], options: { query?: string; database?: string }) {
  const url = await databaseOf(options);
  const db = createDb(url, { poolMax: 2 });
  try {
    const report = await reconcile(await gather(files, options.query), decode(), db);
    for (const d of report.discrepancies)
      console.log(`${d.kind.padEnd(13)} ${d.caseId} ${d.party ?? ''}: ${d.detail}`);
    for (const u of report.unfinished) console.log(`${'unfinished'.padEnd(13)} ${u.caseId}: ${u.status}`);
    console.log(
      `${report.casesChecked} settled cases checked, ${report.settledFen} fen net in the ledgers, ` +
        `${report.discrepancies.length} discrepancies, ${report.unfinished.length} cases not finished (not reconciled)`,
    );
    if (report.discrepancies.length > 0) process.exitCode = 1;
  } finally {
    await db.destroy();
  }
}

async function retentionCommand(options: { olderThanDays: string; database?: string }) {
  const url = await databaseOf(options);
  const db = createDb(url, { poolMax: 1 });
  try {
    const deleted = await new PostgresAuditLog(db).deleteOlderThan(Number(options.olderThanDays));
    console.log(`deleted ${deleted} audit records older than ${options.olderThanDays} days`);
  } finally {
    await db.destroy();
  }
}

const program = new Command('onething-audit').description(
  'Replay, timelines and reconciliation for auditors',
);
program
  .command('export')
  .argument('[workflowIds...]')
  .option('--query <visibility-query>', 'e.g. OneThingProcess = "gas-retrofit-household"')
  .requiredOption('--out <dir>', 'folder for the JSON histories')
  .action(exportHistories);
program
  .command('replay')
  .argument('[files...]', 'exported or committed history files')
  .option('--query <visibility-query>', 'replay live histories')
  .option('--jobs <n>', 'processes to spread files over', String(os.availableParallelism()))
  .option('--json', 'one JSON line per history')
  .action(replayCommand);
program
  .command('timeline')
  .argument('<target>', 'a workflow ID (live) or a history file')
  .addOption(new Option('--format <format>').choices(['text', 'json', 'html']).default('text'))
  .option('--out <file>', 'write to a file instead of stdout')
  .option(
    '--database <url>',
    'PostgreSQL with the audit log, to show refused decisions',
    process.env.DATABASE_URL,
  )
  .action(timelineCommand);
program
  .command('reconcile')
  .argument('[files...]', 'history files')
  .option('--query <visibility-query>', 'live histories, e.g. OneThingStage = "closed"')
  .option('--database <url>', 'PostgreSQL holding the department ledgers (default DATABASE_URL)')
  .action(reconcileCommand);

program
  .command('retention')
  .description('delete audit-log records past the retention period (never younger than 180 days)')
  .option('--older-than-days <days>', 'at least 180', '180')
  .option('--database <url>', 'PostgreSQL holding the audit log (default DATABASE_URL)')
  .action(retentionCommand);

// The SDK's own INFO lines (worker and replay start-up) would bury the auditor's report: warnings and errors only.
Runtime.install({ logger: new DefaultLogger('WARN') });

program.parseAsync().catch((error: Error) => {
  console.error(`audit: ${error.message}`);
  process.exit(2);
});
