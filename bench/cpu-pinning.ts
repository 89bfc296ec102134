/**
 * The dev server on CPUs of its own (Linux `taskset`), the bench and the platform's processes on the others: on
 * a small machine this is the nearest thing to a Temporal server on hardware of its own, where the server and
 * not the worker is the limit.
 */
import { execFileSync } from 'node:child_process';
import { allowedCpus } from './proc-status';

export interface CpuSplit {
  /** CPUs the dev server runs on, alone. */
  server: number[];
  /** Every other CPU: the bench itself and the children it starts after pinning (worker, API, baselines' worker). */
  rest: number[];
}

const cpuList = (cpus: readonly number[]) => cpus.join(',');

/**
 * Reads a CPU list as `taskset -c` takes it ("0", "0,2", "0-1"), checked against the CPUs this process may use
 * (a container may be given fewer than the machine has).
 */
export function splitCpus(list: string, available: readonly number[] = allowedCpus(process.pid)): CpuSplit {
  const server = new Set<number>();
  for (const part of list.split(',')) {
    const range = /^(\d+)(?:-(\d+))?$/.exec(part.trim());
    if (!range) throw new Error(`--server-cpus: "${part}" is not a CPU number or range (e.g. 0, 0-1, 0,2)`);
    const [first, last] = [Number(range[1]), Number(range[2] ?? range[1])];
    if (last < first) throw new Error(`--server-cpus: the range ${part} runs backwards`);
    for (let cpu = first; cpu <= last; cpu++) {
      if (!available.includes(cpu))
        throw new Error(`--server-cpus: CPU ${cpu} is not one this process may use (${cpuList(available)})`);
      server.add(cpu);
    }
  }
  const rest = available.filter((cpu) => !server.has(cpu));
  if (rest.length === 0)
    throw new Error(
      `--server-cpus: ${list} leaves no CPU for the worker, API and bench (of ${cpuList(available)})`,
    );
  return { server: [...server].sort((a, b) => a - b), rest };
}

/** The split in a sentence, for logs and summaries. */
export function serverPinning({ server, rest }: CpuSplit): string {
  return (
    `the dev server alone on CPU ${cpuList(server)}; the worker, API, baselines' worker and the bench's drivers on CPU ${cpuList(rest)}` +
    " (a PostgreSQL the bench did not start itself keeps the machine's CPUs)"
  );
}

/** Moves every thread of this process onto the CPUs given; children started afterwards inherit them. */
export function pinThisProcess(cpus: readonly number[]): void {
  execFileSync('taskset', ['--all-tasks', '--cpu-list', '--pid', cpuList(cpus), String(process.pid)], {
    stdio: 'ignore',
  });
}

/** Fails unless the process runs on exactly the CPUs asked for (a pinning that did not take would mislead). */
export function checkPinned(what: string, pid: number, cpus: readonly number[]): void {
  const allowed = allowedCpus(pid);
  if (cpuList(allowed) !== cpuList(cpus))
    throw new Error(`${what} runs on CPUs ${cpuList(allowed)}, not on ${cpuList(cpus)} as asked`);
}

/** The command line that runs `command` on the CPUs given (taskset execs it, so the pid stays the command's). */
export function onCpus(
  cpus: readonly number[],
  command: string,
  args: readonly string[],
): { command: string; args: string[] } {
  return { command: 'taskset', args: ['--cpu-list', cpuList(cpus), command, ...args] };
}

/**
 * Runs `work` with this process, and the children it starts meanwhile, on every CPU of the split, then pins it
 * back: for measurements the server takes no part in (replay from files), which would otherwise be squeezed
 * onto the CPUs left beside it.
 */
export async function onEveryCpu<T>(split: CpuSplit | undefined, work: () => Promise<T>): Promise<T> {
  if (!split) return work();
  pinThisProcess([...split.server, ...split.rest].sort((a, b) => a - b));
  try {
    return await work();
  } finally {
    pinThisProcess(split.rest);
  }
}
