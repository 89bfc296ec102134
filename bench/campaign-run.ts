/**
 * `npm run bench -- campaign --sizes 1000 10000`: campaign scale on its own (100,000 is a run by hand), without
 * the baselines. The pace comes from a short closed loop of households on the same stack (80% of its rate) unless
 * given; that loop's histories also give the billable actions per household for the extrapolation.
 */
import { randomBytes } from 'node:crypto';
import { closedLoop } from './closed-loop';
import { meanCaseCost, type CaseCost } from './history-figures';
import type { MachineFacts } from './machine';
import { campaignTable } from './report';
import { freshResultBase, writeJsonAndSummary } from './result-files';
import { startBenchStack, type Persistence, type ServerFacts } from './stack';
import { campaignTargets } from './targets';
import { runCampaigns, type CampaignScaleRun } from './workloads/campaign-scale';
import { householdDriver, seedHouseholds } from './workloads/households';

const PACING_LOOP = { warmup: 16, measured: 48, concurrency: 8 };

export interface CampaignBenchResult {
  date: string;
  machine: MachineFacts;
  server: ServerFacts;
  /** Households per second of the pacing loop (closed, concurrency 8), when the pace was measured. */
  householdsPerSecondClosedLoop?: number;
  householdCost: CaseCost;
  campaigns: CampaignScaleRun[];
}

export async function runCampaignBench(
  options: { sizes: number[]; persistence: Persistence; pacePerMinute?: number; machine: MachineFacts },
  log: (line: string) => void,
): Promise<CampaignBenchResult> {
  log(`• ${options.persistence}: starting the dev server, database, worker and API`);
  const stack = await startBenchStack(options.persistence);
  try {
    const tag = randomBytes(3).toString('hex').toUpperCase();
    await seedHouseholds(stack, tag, PACING_LOOP.warmup + PACING_LOOP.measured);
    const driver = await householdDriver(stack, tag);
    let next = 0;
    const processes = { ...stack.processes };
    const loop = async (label: string, total: number) =>
      closedLoop(label, { total, concurrency: PACING_LOOP.concurrency, processes }, () =>
        driver.runner(next++),
      );
    let measured: Awaited<ReturnType<typeof loop>>;
    try {
      await loop('warm-up', PACING_LOOP.warmup);
      measured = await loop('pacing', PACING_LOOP.measured);
    } finally {
      await driver.stop();
    }
    const householdCost = await meanCaseCost(stack.client, measured.caseIds.slice(0, 5));
    const pace = options.pacePerMinute ?? Math.max(1, Math.round(0.8 * measured.casesPerSecond * 60));
    log(`  households closed loop ${measured.casesPerSecond.toFixed(2)}/s; campaigns paced at ${pace}/min`);

    const campaigns = await runCampaigns(
      stack,
      { sizes: options.sizes, tag, householdsPerMinute: pace },
      log,
    );
    return {
      date: new Date().toISOString().slice(0, 10),
      machine: options.machine,
      server: stack.server,
      householdsPerSecondClosedLoop: measured.casesPerSecond,
      householdCost,
      campaigns,
    };
  } finally {
    await stack.stop();
  }
}

/** Writes `<date>-campaign-<persistence>.json` and `.md`; returns the paths. */
export function writeCampaignResults(result: CampaignBenchResult, folder: string) {
  const base = freshResultBase(folder, `${result.date}-campaign-${result.server.persistence}`);
  const { machine } = result;
  const markdown = [
    `# OneThing campaign scale, ${result.date} (${result.server.persistence})`,
    '',
    `Machine: ${machine.cores} cores (${machine.cpuModel}), ${machine.memoryGiB} GiB, ${machine.kernel}, Node ${machine.node}.`,
    `Server: ${result.server.version}; \`temporal ${result.server.flags.join(' ')}\`.`,
    `Households in a closed loop (concurrency ${PACING_LOOP.concurrency}) before the campaigns: ${result.householdsPerSecondClosedLoop?.toFixed(2) ?? '–'}/s; ` +
      'each campaign is started through the API at the pace shown, in a district of its own, and every household is taken through installation and acceptance by the automated installer and clerk.',
    '',
    ...campaignTable(result.campaigns),
    '| target | verdict | figure |',
    '|---|---|---|',
    ...campaignTargets(result.campaigns, result.householdCost.billableActions).map(
      (t) => `| ${t.target} | ${t.verdict} | ${t.figure} |`,
    ),
    '',
  ].join('\n');
  return writeJsonAndSummary(base, result, markdown);
}
