import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface ManagedChild {
  name: string;
  process: ChildProcess;
  logFile: string;
  /** Resolves with the exit code (or signal) once the process has exited. */
  exited: Promise<number | NodeJS.Signals>;
}

export function startChild(
  name: string,
  command: string,
  args: string[],
  options: { env: NodeJS.ProcessEnv; logDir: string; cwd: string },
): ManagedChild {
  mkdirSync(options.logDir, { recursive: true });
  const logFile = path.join(options.logDir, `${name}.log`);
  const log = openSync(logFile, 'a');
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', log, log] });
  closeSync(log);
  const exited = new Promise<number | NodeJS.Signals>((resolve) => {
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 0));
    child.once('error', () => resolve(1));
  });
  return { name, process: child, logFile, exited };
}

/** Asks a child to stop (SIGTERM), and kills it if it has not gone within the grace period. */
export async function stopChild(child: ManagedChild, graceMs: number): Promise<void> {
  if (child.process.exitCode !== null || child.process.signalCode !== null) return;
  child.process.kill('SIGTERM');
  const timer = setTimeout(() => child.process.kill('SIGKILL'), graceMs);
  await child.exited;
  clearTimeout(timer);
}

export function tailOf(file: string, lines = 20): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/** Runs a TypeScript entry point in a fresh Node process through tsx (Node's own flags, if any, first). */
export function tsEntry(file: string, nodeArgs: readonly string[] = []): { command: string; args: string[] } {
  return { command: process.execPath, args: [...nodeArgs, '--import', 'tsx', file] };
}

/**
 * Polls `ready` every 250 ms (a check that throws counts as not ready) until it answers true; fails after the
 * timeout, or at once when the child it waits on has exited, with the end of that child's log.
 */
export async function waitUntilReady(
  what: string,
  ready: () => Promise<boolean> | boolean,
  options: { timeoutMs: number; child?: ManagedChild },
): Promise<void> {
  const { timeoutMs, child } = options;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (
      await Promise.resolve()
        .then(ready)
        .catch(() => false)
    )
      return;
    if (child && child.process.exitCode !== null)
      throw new Error(`${what} exited (${child.process.exitCode}):\n${tailOf(child.logFile)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(
    `${what} was not ready within ${timeoutMs / 1000} s${child ? `:\n${tailOf(child.logFile)}` : ''}`,
  );
}
