/** The benchmark's outputs: the JSON with every figure, a Markdown summary, and its chart (SVG). */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { escapeXml } from '../api/svg';
import { serverPinning } from './cpu-pinning';
import type { MachineFacts } from './machine';
import type { CaseShape } from './baselines/shape';
import type { BenchPlan } from './plan';
import { PROCESS_WORKLOADS, WORKLOADS, type PersistenceResult, type WorkloadFigures } from './run';
import { freshResultBase } from './result-files';
import type { Persistence } from './stack';
import { spreadOf } from './stats';
import { judgeTargets } from './targets';
import type { CampaignScaleRun } from './workloads/campaign-scale';

export interface BenchResult {
  date: string;
  plan: BenchPlan;
  machine: MachineFacts;
  results: Partial<Record<Persistence, PersistenceResult>>;
}

/** What WRP hands Temporal beyond WR, in a sentence. */
function wrpDescription(wrp: CaseShape): string {
  const padding = wrp.activityPadding ?? { input: 0, result: 0, summary: 0 };
  const attributes = wrp.attributes;
  const perUpsert = attributes ? attributes.upserts.map((upsert) => upsert.length).join(', ') : '1 each';
  return (
    `WRP's activities carry ${padding.input} / ${padding.result} / ${padding.summary} bytes more input / result / summary than WR's, ` +
    `and it sets a household's search attributes: ${attributes?.atStart.length ?? 0} at its start, then ${perUpsert} per upsert ` +
    `(WR: none at its start, 1 per upsert), and a start summary as long as a household's (WR: none)`
  );
}

const WORKLOAD_NAMES = {
  W0: 'W0 no-op workflow',
  W1: 'W1 one no-op activity',
  WR: 'WR retrofit-shaped no-op',
  WRP: "WRP WR carrying a household's payloads and search attributes",
  H: 'H household (API + clerk)',
  P: 'P petition to `completed` (API + department + office)',
  C: 'C childcare application to `registered` (API + four departments)',
} as const;

/** Cases per second of each workload, one bar group per persistence mode, with each bar's min–max. */
function throughputChart(result: BenchResult): string {
  const modes = Object.entries(result.results) as Array<[Persistence, PersistenceResult]>;
  const width = 640;
  const rowHeight = 22;
  const left = 220;
  const bars = modes.flatMap(([mode, r]) =>
    WORKLOADS.map((w) => ({
      label: `${mode}${r.server.cpus ? ` (server on CPU ${r.server.cpus.server.join(',')})` : ''} · ${w}`,
      spread: r.workloads[w].casesPerSecond,
    })),
  );
  const top = Math.max(...bars.map((b) => b.spread.max), 1);
  const scale = (v: number) => ((width - left - 60) * v) / top;
  const rows = bars.map((bar, i) => {
    const y = 30 + i * rowHeight;
    return [
      `<text x="${left - 6}" y="${y + 14}" text-anchor="end" font-size="12">${escapeXml(bar.label)}</text>`,
      `<rect x="${left}" y="${y + 3}" width="${scale(bar.spread.median).toFixed(1)}" height="14" fill="#3b6ea8"/>`,
      `<line x1="${(left + scale(bar.spread.min)).toFixed(1)}" x2="${(left + scale(bar.spread.max)).toFixed(1)}" y1="${y + 10}" y2="${y + 10}" stroke="#111"/>`,
      `<text x="${(left + scale(bar.spread.max) + 4).toFixed(1)}" y="${y + 14}" font-size="11">${bar.spread.median.toFixed(2)}/s</text>`,
    ].join('');
  });
  // Bars are labelled by workload code, so that a label fits left of its bar; the legend names each.
  const legendTop = 40 + bars.length * rowHeight;
  const legend = WORKLOADS.map(
    (w, i) =>
      `<text x="10" y="${legendTop + 14 + i * 16}" font-size="11">${escapeXml(WORKLOAD_NAMES[w])}</text>`,
  );
  const height = legendTop + 8 + WORKLOADS.length * 16;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif">`,
    `<text x="10" y="18" font-size="13">Completed cases per second (closed loop, median; line: min–max of the repetitions)</text>`,
    ...rows,
    ...legend,
    '</svg>',
  ].join('\n');
}

const n = (value: number, digits = 2) => value.toFixed(digits);

function workloadRow(name: string, f: WorkloadFigures): string {
  const cpu = f.cpuSecondsPerCase;
  return `| ${name} | ${n(f.casesPerSecond.median)} | ${n(f.casesPerSecond.relativeSpread * 100, 0)}% | ${n(f.latencyMs.p50.median, 0)} / ${n(f.latencyMs.p99.median, 0)} | ${n(f.cost.events, 0)} / ${n(f.cost.workflowTasks, 0)} / ${n(f.cost.historyBytes / 1024, 1)} | ${n(f.cost.billableActions, 0)} | ${n(f.activitiesPerCoreSecond, 1)} | ${[cpu.temporal, cpu.worker, cpu.api, cpu.postgres, cpu.baselineWorker].map((v) => n(v ?? 0, 4)).join(' / ')} | ${n(f.driverCpuSecondsPerCase, 4)} |`;
}

function markdownSummary(result: BenchResult, chartFile: string): string {
  const { machine, plan } = result;
  const lines = [
    `# OneThing benchmark, ${result.date} (${plan.mode})`,
    '',
    `Machine: ${machine.cores} cores (${machine.cpuModel}), ${machine.memoryGiB} GiB, ${machine.kernel}, Node ${machine.node}.`,
    `Plan: ${plan.blocks} A-B-B-A blocks (${plan.blocks * 2} repetitions per workload), concurrency ${plan.concurrency}; ` +
      `cases per repetition ${Object.entries(plan.cases)
        .map(([w, c]) => `${w} ${c}`)
        .join(', ')}. Spread: (max − min) / median.`,
    '',
    `![throughput](${chartFile})`,
    '',
  ];
  for (const [mode, r] of Object.entries(result.results) as Array<[Persistence, PersistenceResult]>) {
    lines.push(
      `## ${mode === 'memory' ? 'Dev server in memory' : 'Dev server on a SQLite file (WAL)'}`,
      '',
      `Server: ${r.server.version}; \`temporal ${r.server.flags.join(' ')}\`${r.server.cpus ? `; ${serverPinning(r.server.cpus)}` : ''}.`,
      `WR's shape (from this run's households): ${r.shape.activities} activities, ${r.shape.updates} Updates, ${r.shape.timers} timers, ${r.shape.searchAttributeUpserts} upserts.`,
      '',
      '| workload | cases/s (median) | spread | latency p50 / p99 ms | history per case: events / workflow tasks / KiB | billable actions/case | activities per core-second | CPU-s per case: server / worker / API / Postgres / baseline worker | driver CPU-s per case (people and client; in no total) |',
      '|---|---|---|---|---|---|---|---|---|',
      ...WORKLOADS.map((w) => workloadRow(WORKLOAD_NAMES[w], r.workloads[w])),
      ...PROCESS_WORKLOADS.map((w) => workloadRow(WORKLOAD_NAMES[w], r.processes[w])),
      '',
      `Households/s ÷ WR/s: **${n(r.ratios.householdsVsWr.ratio)}**${r.ratios.householdsVsWr.withinNoise ? ' (within the spread)' : ''}; ` +
        `÷ WRP/s: **${n(r.ratios.householdsVsWrp.ratio)}**${r.ratios.householdsVsWrp.withinNoise ? ' (within the spread)' : ''} ` +
        `(${wrpDescription(r.wrpShape)}). ` +
        `History events/s, households ÷ W1: **${n(r.ratios.householdEventsPerSecondVsW1.ratio)}**${r.ratios.householdEventsPerSecondVsW1.withinNoise ? ' (within the spread)' : ''}.`,
      '',
      `Open loop (households at a fixed rate; latency from each start's scheduled time to its close): ${r.openLoop
        .map(
          (run) =>
            `${n(run.ratePerSecond)}/s → p50 ${n(run.latencyMs.p50, 0)} ms, p99 ${n(run.latencyMs.p99, 0)} ms`,
        )
        .join('; ')}.`,
      `Starts at ${plan.starts.ratePerSecond}/s: API p50 / p99 ${n(r.starts.api.p50.median, 1)} / ${n(r.starts.api.p99.median, 1)} ms, ` +
        `${n(r.starts.api.cpuSecondsPerStart * 1000, 2)} ms CPU per start in the API process; raw client ${n(r.starts.raw.p50.median, 1)} / ${n(r.starts.raw.p99.median, 1)} ms, ` +
        `${n(r.starts.raw.cpuSecondsPerStart * 1000, 2)} ms CPU per start in-process.`,
      '',
      ...campaignTable(r.campaignScale),
      '| target | verdict | figure |',
      '|---|---|---|',
      ...judgeTargets(r).map((t) => `| ${t.target} | ${t.verdict} | ${t.figure} |`),
      '',
      ...actionsTable(r.workloads.H.cost.actionsByName),
    );
  }
  return lines.join('\n');
}

/** A main-path household's billable actions by name, for the README's account of why each is needed. */
function actionsTable(actionsByName: Record<string, number>): string[] {
  const rows = Object.entries(actionsByName).sort(([a], [b]) => a.localeCompare(b));
  return [
    '| billable action of a main-path household (mean of the sampled histories) | per case |',
    '|---|---|',
    ...rows.map(([name, count]) => `| ${name} | ${n(count, count % 1 === 0 ? 0 : 2)} |`),
    '',
  ];
}

/**
 * How steadily a campaign's households ended, from its 10-second buckets (the first and last are the ramp-up and
 * the tail). The campaign starts a page at a time, so single buckets alias against the page period; whole minutes
 * (six buckets) do not, and the first and last tenth of the campaign show whether it slowed as it grew.
 */
function bucketSummary(endedPerBucket: readonly number[]) {
  const steady = endedPerBucket.length > 2 ? endedPerBucket.slice(1, -1) : [...endedPerBucket];
  const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
  const minutes = Array.from({ length: Math.floor(steady.length / 6) }, (_, m) =>
    steady.slice(m * 6, m * 6 + 6).reduce((a, b) => a + b, 0),
  );
  const tenth = Math.max(1, Math.floor(steady.length / 10));
  return {
    meanPer10s: mean(steady),
    perMinute: minutes.length > 0 ? spreadOf(minutes) : undefined,
    firstTenthPer10s: mean(steady.slice(0, tenth)),
    lastTenthPer10s: mean(steady.slice(-tenth)),
  };
}

/** One row per campaign size: its pace, how steadily households ended, and CPU per household. */
export function campaignTable(campaignScale: readonly CampaignScaleRun[]): string[] {
  if (campaignScale.length === 0) return [];
  return [
    '| campaign | paced at | households/s overall | ended per 10 s: mean (first tenth → last tenth) | per minute: min–max | CPU-s per household: server / worker / API / Postgres (all) | worker RSS MiB: start → end (peak); growth per 1,000 ended in the second half |',
    '|---|---|---|---|---|---|---|',
    ...campaignScale.map((run) => {
      const buckets = bucketSummary(run.endedPerBucket);
      const cpu = run.cpuSecondsPerHousehold;
      const minutes = buckets.perMinute
        ? `${n(buckets.perMinute.min, 0)}–${n(buckets.perMinute.max, 0)}`
        : '–';
      return `| ${run.households} households (${run.district}) | ${run.householdsPerMinute}/min | ${n(run.householdsPerSecond)} in ${n(run.wallSeconds, 0)} s | ${n(buckets.meanPer10s, 1)} (${n(buckets.firstTenthPer10s, 1)} → ${n(buckets.lastTenthPer10s, 1)}) | ${minutes} | ${[cpu.temporal, cpu.worker, cpu.api, cpu.postgres].map((v) => n(v ?? 0, 4)).join(' / ')} (${n(run.totalCpuSecondsPerHousehold, 4)}) | ${workerMemory(run)} |`;
    }),
    '',
  ];
}

function workerMemory({ workerRssMiB, workerRssMiBPer1000Ended }: CampaignScaleRun): string {
  const { atStart, perBucket } = workerRssMiB;
  return `${n(atStart, 0)} → ${n(perBucket.at(-1) ?? atStart, 0)} (${n(Math.max(atStart, ...perBucket), 0)}); ${n(workerRssMiBPer1000Ended, 1)}`;
}

/** Writes `<date>[-mode].json`, `.md` and `.svg` into the folder; returns the paths. */
export function writeResults(
  result: BenchResult,
  folder: string,
): { json: string; markdown: string; chart: string } {
  const pinned = Object.values(result.results).some((r) => r.server.cpus) ? '-server-pinned' : '';
  const mode = result.plan.mode === 'full' ? '' : `-${result.plan.mode}`;
  const base = freshResultBase(folder, `${result.date}${mode}${pinned}`);
  const paths = { json: `${base}.json`, markdown: `${base}.md`, chart: `${base}.svg` };
  writeFileSync(paths.json, `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(paths.chart, `${throughputChart(result)}\n`);
  writeFileSync(paths.markdown, `${markdownSummary(result, path.basename(paths.chart))}\n`);
  return paths;
}
