/** Where a run's result files go: `<folder>/<name>`, or `<name>-2`, `-3`, … when a run that day already wrote there. */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export function freshResultBase(folder: string, name: string): string {
  mkdirSync(folder, { recursive: true });
  for (let run = 1; ; run++) {
    const base = path.join(folder, run === 1 ? name : `${name}-${run}`);
    if (!existsSync(`${base}.json`)) return base;
  }
}

/** Writes a run's result as `<base>.json` and its summary as `<base>.md`; returns the paths. */
export function writeJsonAndSummary(base: string, result: unknown, markdown: string) {
  const paths = { json: `${base}.json`, markdown: `${base}.md` };
  writeFileSync(paths.json, `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(paths.markdown, markdown);
  return paths;
}
