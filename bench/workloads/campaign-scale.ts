/**
 * Campaign scale: a district campaign of N households, started through the API as the gas-safety office would,
 * paced at a fixed rate, with every household's human steps taken by the automated installer (who finds the
 * visit in the installer's own booking table) and the gas company's clerk (who finds the case at acceptance in
 * the platform's case list), both through the API. Completions are counted in 10-second buckets and CPU is read
 * per process, so that the cost per household can be compared across campaign sizes. The worker's resident memory
 * is read at each bucket's end: a worker that kept something of every finished case would grow with the campaign.
 */
import { cpuBetween, cpuSeconds, pidOf } from '../proc-cpu';
import { residentMiB } from '../proc-status';
import { inLanes } from '../../platform/in-lanes';
import { leastSquaresSlope } from '../stats';
import type { BenchStack } from '../stack';
import { RETROFIT_DISTRICT_CODES, type District } from '../../workflows/kit/vocabulary';
import { decide, driverTokens, HOUSEHOLD_DISTRICT, postAs, seedDistrict } from './households';

const BUCKET_MS = 10_000;
const POLL_MS = 200;
/** Decisions the driver has in flight at once, as a handful of clerks and fitters would. */
const DRIVER_LANES = 16;
/** Small pages keep the paced starts even (a page, then a wait of page ÷ rate). */
const PAGE_SIZE = 50;
const ENDED = ['closed', 'cancelled', 'ineligible', 'settlement-reversed'];

/** Districts other than the households workload's, one per campaign size, so each campaign has its own backlog. */
const CAMPAIGN_DISTRICTS = RETROFIT_DISTRICT_CODES.filter((district) => district !== HOUSEHOLD_DISTRICT);

export interface CampaignScaleRun {
  households: number;
  district: District;
  householdsPerMinute: number;
  wallSeconds: number;
  householdsPerSecond: number;
  /** Households that ended in each 10-second bucket, counted from the campaign's start. */
  endedPerBucket: number[];
  /** CPU-seconds per household of each process over the whole campaign. */
  cpuSecondsPerHousehold: Record<string, number>;
  /** Every process together. */
  totalCpuSecondsPerHousehold: number;
  /** The worker's resident memory (MiB) when the campaign started and at each bucket's end. */
  workerRssMiB: { atStart: number; perBucket: number[] };
  /**
   * How much the worker's resident memory grew per 1,000 households ended, fitted over the campaign's second half,
   * when about as many households are in flight at each reading and only the finished ones accumulate.
   */
  workerRssMiBPer1000Ended: number;
}

/** The campaign's backlog in its district: accounts whose survey found work to do, and the district's prices. */
async function seedBacklog(stack: BenchStack, district: District, tag: string, households: number) {
  const accounts = Array.from({ length: households }, (_, i) => ({
    accountRef: `BENCH-${tag}-${String(i).padStart(6, '0')}`,
    district,
    userType: 'residential-pipeline' as const,
    status: 'active' as const,
    survey: { needsRetrofit: true, items: { valve: true, hoseLengthM: 2 } },
  }));
  await seedDistrict(stack, district, accounts, `BENCH-TENDER-${tag}`);
}

/**
 * One round of the people's work: the installer reports every visit the booking table holds for a case at
 * installation, the clerk passes every case at acceptance; each case's step once.
 */
async function takeHumanSteps(
  stack: BenchStack,
  open: ReadonlyArray<{ case_id: string; stage: string }>,
  done: { installed: Set<string>; accepted: Set<string> },
  { clerk, installer }: { clerk: string; installer: string },
): Promise<void> {
  const scheduled = open.filter(
    (c) => c.stage === 'installation-scheduled' && !done.installed.has(c.case_id),
  );
  const visits: string[] = scheduled.length
    ? await stack
        .db('installer.bookings')
        .whereIn(
          'case_id',
          scheduled.map((c) => c.case_id),
        )
        .andWhere({ status: 'booked' })
        .pluck<string[]>('case_id')
    : [];
  const atAcceptance = open.filter((c) => c.stage === 'acceptance' && !done.accepted.has(c.case_id));
  await inLanes(
    [
      ...visits.map((caseId) => async () => {
        const serials = { valve: `V-${caseId}`, hose: `H-${caseId}` };
        const answer = await decide(stack, caseId, 'report-installation', installer, { serials });
        if (answer.ok) done.installed.add(caseId);
      }),
      ...atAcceptance.map(({ case_id: caseId }) => async () => {
        if ((await decide(stack, caseId, 'acceptance', clerk, { result: 'pass' })).ok)
          done.accepted.add(caseId);
      }),
    ],
    DRIVER_LANES,
    (step) => step(),
  );
}

/** CPU-seconds per household of the platform's processes (the baselines' worker idles through a campaign). */
const platformCpuPer = (cpu: Record<string, number>, households: number) =>
  Object.fromEntries(
    Object.entries(cpu)
      .filter(([name]) => name !== 'baselineWorker')
      .map(([name, seconds]) => [name, seconds / households]),
  );

async function runCampaignAtScale(
  stack: BenchStack,
  options: { district: District; tag: string; households: number; householdsPerMinute: number },
): Promise<CampaignScaleRun> {
  const { district, tag, households, householdsPerMinute } = options;
  await seedBacklog(stack, district, tag, households);
  const office = `Bearer ${await stack.token({
    sub: 'bench-office',
    name: 'bench-office',
    dept: 'gas-safety-office',
    district: 'city',
    roles: ['supervisor'],
  })}`;
  const people = await driverTokens(stack, district);
  const campaignId = `bench-${tag.toLowerCase()}`;

  const workerPid = pidOf(stack.processes.worker);
  const rssAtStart = residentMiB(workerPid);
  const rssPerBucket: number[] = [];
  const cpuBefore = cpuSeconds(stack.processes);
  const startedAt = performance.now();
  await postAs(stack, '/v1/gas-retrofit/campaigns', office, {
    district,
    campaignId,
    householdsPerMinute,
    pageSize: PAGE_SIZE,
  });

  const installed = new Set<string>();
  const accepted = new Set<string>();
  const endedPerBucket: number[] = [];
  let endedBefore = 0;
  let bucketEndsAt = startedAt + BUCKET_MS;
  const cases = () => stack.db('onething.cases').where({ campaign_id: campaignId });
  for (;;) {
    const open: Array<{ case_id: string; stage: string }> = await cases()
      .whereNotIn('stage', ENDED)
      .select('case_id', 'stage');
    const ended = Number((await cases().whereIn('stage', ENDED).count({ n: '*' }))[0]!.n);
    while (performance.now() >= bucketEndsAt) {
      endedPerBucket.push(ended - endedBefore);
      rssPerBucket.push(residentMiB(workerPid));
      endedBefore = ended;
      bucketEndsAt += BUCKET_MS;
    }
    if (ended >= households) break;

    await takeHumanSteps(stack, open, { installed, accepted }, people);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  const wallSeconds = (performance.now() - startedAt) / 1000;
  endedPerBucket.push(households - endedBefore);
  rssPerBucket.push(residentMiB(workerPid));

  const offScript = await cases().whereNot({ stage: 'closed' }).count({ n: '*' });
  if (Number(offScript[0]!.n) > 0)
    throw new Error(`campaign ${campaignId}: ${String(offScript[0]!.n)} households did not close`);
  const cpuSecondsPerHousehold = platformCpuPer(
    cpuBetween(cpuBefore, cpuSeconds(stack.processes)),
    households,
  );
  return {
    households,
    district,
    householdsPerMinute,
    wallSeconds,
    householdsPerSecond: households / wallSeconds,
    endedPerBucket,
    cpuSecondsPerHousehold,
    totalCpuSecondsPerHousehold: Object.values(cpuSecondsPerHousehold).reduce((a, b) => a + b, 0),
    workerRssMiB: { atStart: rssAtStart, perBucket: rssPerBucket },
    workerRssMiBPer1000Ended: 1000 * secondHalfGrowth(endedPerBucket, rssPerBucket),
  };
}

/** MiB per household ended, fitted over the second half of the buckets (the first half holds the ramp-up). */
export function secondHalfGrowth(endedPerBucket: readonly number[], rssPerBucket: readonly number[]): number {
  let ended = 0;
  const points = endedPerBucket.map((n, i) => ({ x: (ended += n), y: rssPerBucket[i]! }));
  return leastSquaresSlope(points.slice(Math.floor(points.length / 2)));
}

/**
 * Campaigns of the given sizes, smallest first, each in a district of its own and at the same pace; logs a line
 * for each.
 */
export async function runCampaigns(
  stack: BenchStack,
  options: { sizes: readonly number[]; tag: string; householdsPerMinute: number },
  log: (line: string) => void,
): Promise<CampaignScaleRun[]> {
  const runs: CampaignScaleRun[] = [];
  for (const [i, households] of [...options.sizes].sort((a, b) => a - b).entries()) {
    const run = await runCampaignAtScale(stack, {
      district: CAMPAIGN_DISTRICTS[i % CAMPAIGN_DISTRICTS.length]!,
      tag: `${options.tag}C${i}`,
      households,
      householdsPerMinute: options.householdsPerMinute,
    });
    runs.push(run);
    log(
      `  campaign of ${households} at ${options.householdsPerMinute}/min: ${run.householdsPerSecond.toFixed(2)} households/s, ${run.totalCpuSecondsPerHousehold.toFixed(3)} CPU-s per household`,
    );
  }
  return runs;
}
