/** Resident memory of a process read from /proc (Linux), in MiB. */
import { readFileSync } from 'node:fs';

export function residentMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1]);
  return kib / 1024;
}
