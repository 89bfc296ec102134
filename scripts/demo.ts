/**
 * `npm run demo`: loads a realistic sample into a running platform (npm start) through its HTTP API, so the Web
 * UI shows living cases of every process: each process's own loader (`processes/<name>/demo.ts`, declared in its
 * module) takes its cases to different stages, as the people the process names would.
 */
import { Command } from 'commander';
import { loadConfig, refuseInProduction } from '../platform/config';
import { demoClient, type DemoScale } from '../processes/demo-kit';
import { PROCESS_MODULES } from '../processes';

async function main(): Promise<void> {
  const scale = new Command('demo')
    .description('Load a realistic sample into the running platform through its API')
    .option('--per-district <n>', 'households per district', (v) => Number.parseInt(v, 10), 40)
    .option('--petitions <n>', 'petitions in the week of posts', (v) => Number.parseInt(v, 10), 120)
    .parse()
    .opts<DemoScale>();
  const config = loadConfig();
  refuseInProduction(config, 'npm run demo');
  const api = `http://${config.api.host}:${config.api.port}`;
  const health = await fetch(`${api}/readyz`).catch(() => undefined);
  if (!health?.ok) throw new Error(`the platform is not answering at ${api}: start it first with npm start`);

  const client = demoClient(api, config.jwt);
  const loaded: string[] = [];
  for (const { demo } of PROCESS_MODULES) if (demo) loaded.push(await demo(client, scale));
  process.stdout.write(`\n${loaded.join('\n\n')}\n\nWeb UI: http://127.0.0.1:${config.devServerUiPort}\n`);
}

main().catch((error: Error) => {
  process.stderr.write(`demo failed: ${error.message}\n`);
  process.exit(1);
});
