/**
 * Where the Temporal binaries are: an explicit path from the environment, else the project venv that
 * scripts/install-temporal.sh fills from PyPI, else the same name on PATH. Nothing is ever downloaded.
 */
import { accessSync, constants } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function findOnPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, name);
    if (dir && isExecutable(candidate)) return candidate;
  }
  return undefined;
}

function locate(name: string, envVar: string): string {
  const explicit = process.env[envVar];
  if (explicit) {
    if (!isExecutable(explicit))
      throw new Error(`${envVar} must point to an executable file (got ${explicit})`);
    return explicit;
  }
  const fromVenv = path.join(ROOT, '.venv', 'bin', name);
  const found = isExecutable(fromVenv) ? fromVenv : findOnPath(name);
  if (!found) throw new Error(`${name} not found: run npm run install:temporal (or set ${envVar})`);
  return found;
}

/** The `temporal` CLI (dev server with Web UI). */
export const temporalCliPath = (): string => locate('temporal', 'TEMPORAL_CLI_PATH');

/** The time-skipping test server. */
export const temporalTestServerPath = (): string =>
  locate('temporal-test-server', 'TEMPORAL_TEST_SERVER_PATH');
