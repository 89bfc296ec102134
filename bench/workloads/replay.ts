/**
 * The audit CLI's `replay` against raw `Worker.runReplayHistories` on the same history files, with one process
 * and with two, A-B-B-A. Each arm is a fresh process (or two) timed from spawn to exit, as an auditor runs the
 * `onething-audit` bin that `npm run build` makes: both arms are compiled by tsc first (so neither pays for tsx's
 * compiling at start-up) and load the same prebuilt bundle (so neither pays for bundling).
 */
import { spawn, execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { sharesOf } from '../../audit/fan-out';
import { PROJECT_ROOT } from '../../platform/config';
import { PLATFORM_BUNDLE_OPTIONS } from '../../workers/bundle-options';
import type { BenchStack } from '../stack';
import { spreadOf, type Spread } from '../stats';

export type ReplayArm = 'audit-1' | 'raw-1' | 'audit-2' | 'raw-2';

export interface ReplayFigures {
  histories: number;
  events: number;
  historiesPerSecond: Record<ReplayArm, Spread>;
  eventsPerSecond: Record<ReplayArm, number>;
}

function runJs(script: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], {
      cwd: PROJECT_ROOT,
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${script} exited ${code}: ${errors}`)),
    );
  });
}

/**
 * What `npm run build` compiles, and the raw baseline, compiled by tsc into `buildDir` (inside the project, whose
 * node_modules and types the compiled files and the compiler resolve); the compiled files go to `<buildDir>/out`.
 */
function compileForReplay(buildDir: string): void {
  const outDir = path.join(buildDir, 'out');
  const build = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'tsconfig.build.json'), 'utf8')) as {
    include: string[];
  };
  const configFile = path.join(buildDir, 'tsconfig.json');
  mkdirSync(buildDir, { recursive: true });
  writeFileSync(
    configFile,
    JSON.stringify({
      extends: path.join(PROJECT_ROOT, 'tsconfig.build.json'),
      compilerOptions: { rootDir: PROJECT_ROOT, outDir, sourceMap: false },
      include: [...build.include, 'bench/replay-raw.ts'].map((entry) => path.join(PROJECT_ROOT, entry)),
    }),
  );
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', configFile], {
    stdio: 'inherit',
  });
}

export async function measureReplay(
  stack: BenchStack,
  workflowIds: readonly string[],
  options: { folder: string; blocks: number },
): Promise<ReplayFigures> {
  mkdirSync(options.folder, { recursive: true });
  const bundlePath = path.join(options.folder, 'workflow-bundle.js');
  const { code } = await bundleWorkflowCode({
    ...PLATFORM_BUNDLE_OPTIONS,
    logger: { trace() {}, debug() {}, info() {}, warn() {}, error() {}, log() {} },
  });
  writeFileSync(bundlePath, code);
  let events = 0;
  const files = await Promise.all(
    workflowIds.map(async (id, index) => {
      const history = await stack.client.workflow.getHandle(id).fetchHistory();
      events += history.events?.length ?? 0;
      const file = path.join(options.folder, `history-${index}.json`);
      writeFileSync(file, historyToJSON(history));
      return file;
    }),
  );
  const env = { ...stack.env, WORKFLOW_BUNDLE_PATH: bundlePath };
  const buildDir = path.join(PROJECT_ROOT, 'dist', `bench-replay-${process.pid}`);
  const audit = path.join(buildDir, 'out', 'audit', 'cli.js');
  const raw = path.join(buildDir, 'out', 'bench', 'replay-raw.js');
  const arms: Record<ReplayArm, () => Promise<unknown>> = {
    'audit-1': () => runJs(audit, ['replay', '--json', '--jobs', '1', ...files], env),
    'audit-2': () => runJs(audit, ['replay', '--json', '--jobs', '2', ...files], env),
    'raw-1': () => runJs(raw, files, env),
    'raw-2': () => Promise.all(sharesOf(files, 2).map((share) => runJs(raw, share, env))),
  };
  // A-B-B-A per block; with no blocks (smoke), each arm once.
  const order: ReplayArm[] =
    options.blocks === 0
      ? ['audit-1', 'raw-1', 'audit-2', 'raw-2']
      : Array.from(
          { length: options.blocks },
          () =>
            ['audit-1', 'raw-1', 'raw-1', 'audit-1', 'audit-2', 'raw-2', 'raw-2', 'audit-2'] as ReplayArm[],
        ).flat();
  const rates = new Map<ReplayArm, number[]>();
  try {
    compileForReplay(buildDir);
    for (const arm of order) {
      const startedAt = performance.now();
      await arms[arm]();
      rates.set(arm, [...(rates.get(arm) ?? []), files.length / ((performance.now() - startedAt) / 1000)]);
    }
  } finally {
    rmSync(buildDir, { recursive: true, force: true });
  }
  const historiesPerSecond = Object.fromEntries(
    [...rates].map(([arm, samples]) => [arm, spreadOf(samples)]),
  ) as Record<ReplayArm, Spread>;
  const eventsPerHistory = events / files.length;
  return {
    histories: files.length,
    events,
    historiesPerSecond,
    eventsPerSecond: Object.fromEntries(
      Object.entries(historiesPerSecond).map(([arm, spread]) => [arm, spread.median * eventsPerHistory]),
    ) as Record<ReplayArm, number>,
  };
}
