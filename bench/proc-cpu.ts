/**
 * CPU time of processes read from /proc (Linux): user + system time of a process and its threads, in seconds.
 * Children are counted by walking /proc for processes whose parent chain reaches the given pid; children that
 * have exited are counted through their parent's reaped-children time, so a process ending between two readings
 * (a PostgreSQL backend whose connection closed) does not take its CPU with it.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;

interface ProcStat {
  pid: number;
  ppid: number;
  comm: string;
  cpuSeconds: number;
}

function readStat(pid: number): ProcStat | undefined {
  try {
    const raw = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may itself contain spaces or parentheses.
    const close = raw.lastIndexOf(')');
    const comm = raw.slice(raw.indexOf('(') + 1, close);
    const fields = raw.slice(close + 2).split(' ');
    // After the name: state(0) ppid(1) … utime(11) stime(12) cutime(13) cstime(14), the last two of reaped children.
    const ticks = [11, 12, 13, 14].reduce((sum, field) => sum + Number(fields[field]), 0);
    return { pid, ppid: Number(fields[1]), comm, cpuSeconds: ticks / CLOCK_TICKS };
  } catch {
    return undefined; // the process ended between listing and reading
  }
}

function allProcesses(): ProcStat[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map((name) => readStat(Number(name)))
    .filter((stat): stat is ProcStat => stat !== undefined);
}

/** CPU-seconds so far of each named process tree (a pid and its descendants), or of every process of a name. */
export type ProcessSelector = { pid: number } | { comm: string };

export function cpuSeconds(selectors: Record<string, ProcessSelector>): Record<string, number> {
  const processes = allProcesses();
  const childrenOf = new Map<number, ProcStat[]>();
  for (const p of processes) childrenOf.set(p.ppid, [...(childrenOf.get(p.ppid) ?? []), p]);
  const treeTotal = (pid: number): number => {
    const own = processes.find((p) => p.pid === pid)?.cpuSeconds ?? 0;
    return own + (childrenOf.get(pid) ?? []).reduce((sum, child) => sum + treeTotal(child.pid), 0);
  };
  const totals: Record<string, number> = {};
  for (const [name, selector] of Object.entries(selectors)) {
    totals[name] =
      'pid' in selector
        ? treeTotal(selector.pid)
        : processes.filter((p) => p.comm === selector.comm).reduce((sum, p) => sum + p.cpuSeconds, 0);
  }
  return totals;
}

/** The pid of a process the stack started itself (those named by their command have none). */
export function pidOf(selector: ProcessSelector): number {
  if (!('pid' in selector)) throw new Error('the stack names this process by its command, not its pid');
  return selector.pid;
}

/** The CPU-seconds each process spent between two readings. */
export function cpuBetween(
  before: Record<string, number>,
  after: Record<string, number>,
): Record<string, number> {
  return Object.fromEntries(Object.keys(after).map((name) => [name, after[name]! - (before[name] ?? 0)]));
}

/** Starts a reading of this process's own CPU; the function returned gives the CPU-seconds spent since. */
export function ownCpuSince(): () => number {
  const before = process.cpuUsage();
  return () => {
    const spent = process.cpuUsage(before);
    return (spent.user + spent.system) / 1e6;
  };
}
