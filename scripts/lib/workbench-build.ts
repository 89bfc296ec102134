/**
 * Builds the clerks' workbench (vite, into dist/workbench) when the build is missing or older than anything it is
 * built from: its sources, its vite config, or the locked dependencies. `npm start` and the browser tests call
 * this; `npm run build:workbench` always builds.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { WORKBENCH_BUILD_DIR } from '../../api/workbench/workbench-settings';
import { PROJECT_ROOT } from '../../platform/config';

const SOURCES = path.join(PROJECT_ROOT, 'workbench');
const BUILT_INDEX = path.join(WORKBENCH_BUILD_DIR, 'index.html');

function newestChange(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((newest, entry) => {
    const file = path.join(dir, entry.name);
    return Math.max(newest, entry.isDirectory() ? newestChange(file) : statSync(file).mtimeMs);
  }, 0);
}

export function workbenchBuildIsCurrent(): boolean {
  if (!existsSync(BUILT_INDEX)) return false;
  const built = statSync(BUILT_INDEX).mtimeMs;
  const lock = statSync(path.join(PROJECT_ROOT, 'package-lock.json')).mtimeMs;
  return built >= Math.max(newestChange(SOURCES), lock);
}

export function buildWorkbench(): void {
  execFileSync(
    path.join(PROJECT_ROOT, 'node_modules', '.bin', 'vite'),
    ['build', '--config', path.join(SOURCES, 'vite.config.mts'), '--logLevel', 'warn'],
    { cwd: PROJECT_ROOT, stdio: ['ignore', 'inherit', 'inherit'] },
  );
}

/** Builds unless the build is current; says whether it built. */
export function ensureWorkbenchBuilt(): boolean {
  if (workbenchBuildIsCurrent()) return false;
  buildWorkbench();
  return true;
}
