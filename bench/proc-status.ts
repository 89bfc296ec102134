/** A process's resident memory and allowed CPUs, read from /proc/<pid>/status (Linux). */
import { readFileSync } from 'node:fs';

function statusField(pid: number, field: string): string {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const value = new RegExp(`^${field}:\\s+(.+)$`, 'm').exec(status)?.[1];
  if (value === undefined) throw new Error(`/proc/${pid}/status has no ${field}`);
  return value.trim();
}

export function residentMiB(pid: number): number {
  return Number(/^(\d+) kB$/.exec(statusField(pid, 'VmRSS'))?.[1]) / 1024;
}

/** The CPUs a process may run on, expanded from the kernel's list ("0-2,5" → [0, 1, 2, 5]). */
export function allowedCpus(pid: number): number[] {
  return statusField(pid, 'Cpus_allowed_list')
    .split(',')
    .flatMap((part) => {
      const [first, last = first] = part.split('-').map(Number) as [number, number?];
      return Array.from({ length: last - first + 1 }, (_, i) => first + i);
    });
}
