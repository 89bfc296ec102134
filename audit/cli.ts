#!/usr/bin/env node
/**
 * `npm run audit -- <command>` (or the `onething-audit` bin after `npm run build`): the auditors' tool.
 *   export    histories by workflow ID or visibility query into JSON files (raw: still encrypted)
 *   replay    files or live histories against the current workflow code; exit 1 on any nondeterminism
 *   timeline  one case's decisions, actors, rules, deadlines and money; text, JSON or HTML
 *   reconcile settlements re-derived from histories against the department ledgers; exit 1 on a discrepancy
 *   retention deletes audit-log records older than the retention period (the database refuses younger ones)
 */
import os from 'node:os';
import { Command, Option } from 'commander';
import type * as Commands from './commands';
import { replayInChild, sharesOf } from './fan-out';

const commands = (): Promise<typeof Commands> => import('./commands.js');

/** A command's action, its code and the SDK loaded only once it has been chosen. */
const lazily =
  (name: Exclude<keyof typeof Commands, 'replayCommand'>) =>
  async (...args: unknown[]): Promise<void> =>
    ((await commands())[name] as (...given: unknown[]) => Promise<void>)(...args);

/**
 * With several processes, the other shares' processes are spawned first, so that they start up while this one
 * loads the SDK and replays its own share.
 */
async function replay(files: string[], options: { query?: string; jobs: string; json?: boolean }) {
  const jobs = Math.max(1, Number(options.jobs));
  const [own, ...others] = jobs > 1 && !options.query ? sharesOf(files, jobs) : [files];
  const children = others.map((share) => replayInChild(__filename, share));
  // Awaited after this process's own share; a child failing meanwhile is not an unhandled rejection.
  for (const child of children) child.catch(() => undefined);
  await (await commands()).replayCommand(own ?? [], options, children);
}

const program = new Command('onething-audit').description(
  'Replay, timelines and reconciliation for auditors',
);
program
  .command('export')
  .argument('[workflowIds...]')
  .option('--query <visibility-query>', 'e.g. OneThingProcess = "gas-retrofit-household"')
  .requiredOption('--out <dir>', 'folder for the JSON histories')
  .action(lazily('exportHistories'));
program
  .command('replay')
  .argument('[files...]', 'exported or committed history files')
  .option('--query <visibility-query>', 'replay live histories')
  .option('--jobs <n>', 'processes to spread files over', String(os.availableParallelism()))
  .option('--json', 'one JSON line per history')
  .action(replay);
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
  .action(lazily('timelineCommand'));
program
  .command('reconcile')
  .argument('[files...]', 'history files')
  .option('--query <visibility-query>', 'live histories, e.g. OneThingStage = "closed"')
  .option('--database <url>', 'PostgreSQL holding the department ledgers (default DATABASE_URL)')
  .action(lazily('reconcileCommand'));

program
  .command('retention')
  .description('delete audit-log records past the retention period (never younger than 180 days)')
  .option('--older-than-days <days>', 'at least 180', '180')
  .option('--database <url>', 'PostgreSQL holding the audit log (default DATABASE_URL)')
  .action(lazily('retentionCommand'));

program.parseAsync().catch((error: Error) => {
  console.error(`audit: ${error.message}`);
  process.exit(2);
});
