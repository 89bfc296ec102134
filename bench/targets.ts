/** The issue's targets, each reported as met, not met, or not measured by this run, with the figure behind it. */
import type { PersistenceResult } from './run';
import type { CampaignScaleRun } from './workloads/campaign-scale';

type Verdict = 'met' | 'not met' | 'not measured' | 'listed';

interface TargetReport {
  target: string;
  verdict: Verdict;
  figure: string;
}

const fixed = (n: number, digits = 2) => n.toFixed(digits);

/**
 * A main-path household before the patch baseline (bench/results/2026-11-30-quick.md): 18 activities, 9 of them
 * recordCaseStage ×7, upsertHumanTask and closeHumanTask; 14 upserts (9 stage and task, 5 patch versions).
 */
const BOOKKEEPING_BEFORE = { readModelActivities: 9, upserts: 14 };

export function judgeTargets(result: PersistenceResult): TargetReport[] {
  const { workloads, ratios } = result;
  const household = workloads.H.cost;
  const noise = (withinNoise: boolean) => (withinNoise ? ' (within the repetitions’ spread)' : '');
  return [
    {
      target: 'Retrofit households/s ≥ 80% of WR workflows/s',
      verdict: ratios.householdsVsWr.ratio >= 0.8 ? 'met' : 'not met',
      figure: `${fixed(ratios.householdsVsWr.ratio * 100, 0)}%${noise(ratios.householdsVsWr.withinNoise)}`,
    },
    {
      target: '≥ 45 activities per second per CPU core, every process counted',
      verdict: workloads.H.activitiesPerCoreSecond >= 45 ? 'met' : 'not met',
      figure: `${fixed(workloads.H.activitiesPerCoreSecond, 1)} per core-second`,
    },
    {
      target: `Bookkeeping at most half of the ${BOOKKEEPING_BEFORE.readModelActivities} read-model activities and ${BOOKKEEPING_BEFORE.upserts} upserts of 2026-11-30`,
      verdict:
        household.readModelActivities <= BOOKKEEPING_BEFORE.readModelActivities / 2 &&
        household.searchAttributeUpserts <= BOOKKEEPING_BEFORE.upserts / 2
          ? 'met'
          : 'not met',
      figure: `a main-path household runs ${fixed(household.activities, 0)} activities (${fixed(household.readModelActivities, 0)} of them for the read models) and ${fixed(household.searchAttributeUpserts, 0)} upserts`,
    },
    {
      target: 'API start overhead ≤ 10% of the raw client at p50',
      verdict: ratios.apiStartP50VsRaw.ratio <= 1.1 ? 'met' : 'not met',
      figure: `API p50 ${fixed(result.starts.api.p50.median, 1)} ms vs raw ${fixed(result.starts.raw.p50.median, 1)} ms: +${fixed((ratios.apiStartP50VsRaw.ratio - 1) * 100, 0)}%${noise(ratios.apiStartP50VsRaw.withinNoise)}`,
    },
    {
      target: 'Audit replay ≥ 90% of raw on one process',
      verdict: ratios.auditReplayVsRaw.ratio >= 0.9 ? 'met' : 'not met',
      figure: `${fixed(ratios.auditReplayVsRaw.ratio * 100, 0)}% (${fixed(result.replay.historiesPerSecond['audit-1'].median, 1)} vs ${fixed(result.replay.historiesPerSecond['raw-1'].median, 1)} histories/s, ${result.replay.histories} histories)${noise(ratios.auditReplayVsRaw.withinNoise)}`,
    },
    {
      target: 'Audit replay ≥ 1.6× with two processes',
      verdict: ratios.auditTwoProcessesVsOne.ratio >= 1.6 ? 'met' : 'not met',
      figure: `${fixed(ratios.auditTwoProcessesVsOne.ratio)}× (raw: ${fixed(result.replay.historiesPerSecond['raw-2'].median / result.replay.historiesPerSecond['raw-1'].median)}×)${noise(ratios.auditTwoProcessesVsOne.withinNoise)}`,
    },
    {
      target: '≤ 1 MiB of worker memory per cached case',
      verdict: result.memory.mibPerParkedCase <= 1 ? 'met' : 'not met',
      figure: `${fixed(result.memory.mibPerParkedCase, 3)} MiB per parked case (RSS ${result.memory.points.map((p) => `${p.parked}: ${fixed(p.rssMiB, 0)} MiB`).join(', ')}; ${result.memory.endedFirst} of the run's cases still running were ended first, so the cache started empty)`,
    },
    ...campaignTargets(result.campaignScale, household.billableActions),
    {
      target: 'Billable actions per main-path household, each listed',
      verdict: 'listed',
      figure: `${fixed(household.billableActions, 0)} actions: ${Object.entries(household.billable)
        .filter(([, n]) => n > 0)
        .map(([kind, n]) => `${fixed(n, 0)} ${kind}`)
        .join(', ')}`,
    },
  ];
}

const CITY_HOUSEHOLDS = 820_000;

/** Cost per household across campaign sizes, and the city's whole campaign extrapolated from the largest. */
export function campaignTargets(
  campaignScale: readonly CampaignScaleRun[],
  billableActionsPerHousehold: number,
): TargetReport[] {
  return [
    campaignFlatness(campaignScale),
    {
      target: 'The 820,000-household campaign, extrapolated',
      verdict: 'listed',
      figure: extrapolation(campaignScale, billableActionsPerHousehold),
    },
  ];
}

function campaignFlatness(campaignScale: readonly CampaignScaleRun[]): TargetReport {
  const target = 'CPU per household flat ±15% from 1,000 to 10,000';
  if (campaignScale.length < 2)
    return {
      target,
      verdict: 'not measured',
      figure:
        'no campaigns of two sizes in this run and persistence mode (`npm run bench -- campaign` runs them alone)',
    };
  const smallest = campaignScale[0]!;
  const largest = campaignScale.at(-1)!;
  const ratio = largest.totalCpuSecondsPerHousehold / smallest.totalCpuSecondsPerHousehold;
  const atTargetSizes = smallest.households <= 1000 && largest.households >= 10_000;
  const figure =
    `${fixed(ratio)}× from ${smallest.households} to ${largest.households} households ` +
    `(${fixed(smallest.totalCpuSecondsPerHousehold, 3)} → ${fixed(largest.totalCpuSecondsPerHousehold, 3)} CPU-s each)`;
  if (!atTargetSizes)
    return { target, verdict: 'not measured', figure: `${figure}; smaller than the target's sizes` };
  return { target, verdict: Math.abs(ratio - 1) <= 0.15 ? 'met' : 'not met', figure };
}

function extrapolation(
  campaignScale: readonly CampaignScaleRun[],
  billableActionsPerHousehold: number,
): string {
  const actions = CITY_HOUSEHOLDS * billableActionsPerHousehold;
  const cloud = `${fixed(actions / 1e6, 1)} million Temporal Cloud actions (${fixed(billableActionsPerHousehold, 0)} per household; the campaign workflow's own few per page not included)`;
  const largest = campaignScale.at(-1);
  if (!largest) return cloud;
  const hours = CITY_HOUSEHOLDS / largest.householdsPerSecond / 3600;
  const coreHours = (CITY_HOUSEHOLDS * largest.totalCpuSecondsPerHousehold) / 3600;
  return `${fixed(hours, 0)} h on this machine at ${fixed(largest.householdsPerSecond)} households/s (the pace of the ${largest.households}-household campaign), ${fixed(coreHours, 0)} CPU-core-hours; ${cloud}`;
}
