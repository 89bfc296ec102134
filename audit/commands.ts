/**
 * What the audit CLI's commands do. Loaded only once a command has been chosen (`cli.ts`), so that a replay spread
 * over several processes starts them before this process loads the SDK.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Client } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { DefaultLogger, Runtime } from '@temporalio/worker';
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

export async function exportHistories(
  ids: string[],
  options: { query?: string; out: string },
): Promise<void> {
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

/**
 * Replays `files` (and, with `query`, the live histories it matches) in this process; `others` are the outcomes
 * of the shares given to other processes, reported with this one's.
 */
export async function replayCommand(
  files: string[],
  options: { query?: string; json?: boolean },
  others: Array<Promise<ReplayOutcome[]>> = [],
) {
  // The SDK's own INFO lines (replay start-up) would bury the auditor's report: warnings and errors only.
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const report = (o: ReplayOutcome) =>
    console.log(
      options.json
        ? JSON.stringify(o)
        : `${o.ok ? 'ok  ' : 'FAIL'}  ${o.source}${o.error ? `\n      ${o.error}` : ''}`,
    );
  const evidence = await gather(files, options.query);
  const showBar = others.length === 0 && !options.json && process.stderr.isTTY;
  const bar = showBar ? new SingleBar({}, Presets.shades_classic) : undefined;
  bar?.start(evidence.length, 0);
  const settings = {
    // As the worker runs: what it refused as foreign is refused again on replay.
    dataConverter: createDataConverter(config().payloadKeys, { foreignPayloads: 'mark' }),
    readableDataConverter: createDataConverter(config().payloadKeys),
    workflowBundlePath: config().workflowBundlePath,
  };
  const streamed = others.length === 0 && !bar;
  const own = await replayAll(evidence, settings, (o) => (bar ? bar.increment() : streamed && report(o)));
  bar?.stop();
  const outcomes = [...own, ...(await Promise.all(others)).flat()];
  if (!streamed) outcomes.forEach(report);
  const failed = outcomes.filter((o) => !o.ok).length;
  if (!options.json) console.log(`${outcomes.length - failed} replayed clean, ${failed} failed`);
  if (failed > 0 || outcomes.length === 0) process.exitCode = 1;
}

export async function timelineCommand(
  target: string,
  options: { format: string; out?: string; database?: string },
) {
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

export async function reconcileCommand(files: string[], options: { query?: string; database?: string }) {
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

export async function retentionCommand(options: { olderThanDays: string; database?: string }) {
  const url = await databaseOf(options);
  const db = createDb(url, { poolMax: 1 });
  try {
    const deleted = await new PostgresAuditLog(db).deleteOlderThan(Number(options.olderThanDays));
    console.log(`deleted ${deleted} audit records older than ${options.olderThanDays} days`);
  } finally {
    await db.destroy();
  }
}
