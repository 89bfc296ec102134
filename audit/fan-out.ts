/** Spreading a replay over processes: node built-ins only, so that the parent spawns before it loads the SDK. */
import { spawn } from 'node:child_process';
import type { ReplayOutcome } from './replay';

/** Round-robin shares of the files, no empty ones (fewer files than processes: fewer shares). */
export function sharesOf(files: readonly string[], processes: number): string[][] {
  const count = Math.max(1, Math.min(processes, files.length));
  return Array.from({ length: count }, (_, share) => files.filter((_, index) => index % count === share));
}

/**
 * Replays a share of the files with the CLI in a child process, which answers with JSON lines. A child that
 * ends without an outcome for every file it was given (it crashed, or could not read one) fails the replay:
 * an auditor must never see "all clean" for fewer histories than were named.
 */
export function replayInChild(cliPath: string, files: string[]): Promise<ReplayOutcome[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [...process.execArgv, cliPath, 'replay', '--json', '--jobs', '1', ...files],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      const outcomes = out
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as ReplayOutcome);
      if (outcomes.length === files.length) return resolve(outcomes);
      reject(
        new Error(
          `a replay process reported ${outcomes.length} of its ${files.length} histories (exit code ${code})`,
        ),
      );
    });
  });
}
