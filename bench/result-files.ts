/** Where a run's result files go: `<folder>/<name>`, or `<name>-2`, `-3`, … when a run that day already wrote there. */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';

export function freshResultBase(folder: string, name: string): string {
  mkdirSync(folder, { recursive: true });
  for (let run = 1; ; run++) {
    const base = path.join(folder, run === 1 ? name : `${name}-${run}`);
    if (!existsSync(`${base}.json`)) return base;
  }
}
