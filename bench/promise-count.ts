/**
 * `npx tsx bench/promise-count.ts <history.json>...`: how many promises the workflow code creates when each history
 * replays, and where (`SITES_SHOWN=500` lists every site). A baseline's history (WR's, as `npm run bench -- profile
 * --count-promises` keeps one) replays against the baselines' bundle.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { countPromises, workflowBundles } from './promise-counter';

const SITES_SHOWN = Number(process.env.SITES_SHOWN ?? 25);

async function main(): Promise<void> {
  const files = process.argv.slice(2);
  if (files.length === 0) throw new Error('name one or more history files (test/histories/*.json)');
  const bundleFor = workflowBundles();
  for (const file of files) {
    const history = historyFromJSON(JSON.parse(readFileSync(file, 'utf8')));
    const { promises, sites } = await countPromises(history, bundleFor);
    process.stdout.write(`${path.basename(file)}: ${promises} promises\n`);
    for (const [site, n] of sites.slice(0, SITES_SHOWN)) {
      process.stdout.write(`${String(n).padStart(6)}  ${site}\n`);
    }
  }
}

main().catch((error: Error) => {
  process.stderr.write(`promise-count failed: ${error.message}\n`);
  process.exit(1);
});
