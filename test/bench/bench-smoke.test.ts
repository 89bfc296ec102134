/**
 * `npm run bench --smoke` inside `npm test`, so that the bench cannot rot: it runs every workload on the real
 * stack at tiny sizes and writes complete results. The figures themselves come from `npm run bench`, never from
 * here: nothing below compares a time.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../../platform/config';
import type { CampaignBenchResult } from '../../bench/campaign-run';
import type { RoundBenchResult } from '../../bench/round-run';
import type { BenchResult } from '../../bench/report';
import { PROCESS_WORKLOADS, WORKLOADS } from '../../bench/run';
import { judgeTargets } from '../../bench/targets';
import type { CaseCost } from '../../bench/history-figures';
import { allowedCpus } from '../../bench/proc-status';
import type { TracingBenchResult } from '../../bench/tracing-run';
import { SEARCH_ATTRIBUTES } from '../../workflows/definitions';
import { runProcess } from '../helpers/processes';

/** `npm run bench -- <args>` in a process of its own, on a database of its own (DATABASE_URL left unset). */
const runBench = (...args: string[]) =>
  runProcess(
    process.execPath,
    ['--import', 'tsx', path.join(PROJECT_ROOT, 'bench', 'cli.ts'), ...args],
    { ...process.env, DATABASE_URL: '' },
    PROJECT_ROOT,
  );

/**
 * The date in the name of the one result file with this ending. Read from the folder, not from today's date after
 * the run: a run that crosses midnight (UTC) names its files by the day it started.
 */
function dateOfOnlyResult(folder: string, ending: string): string {
  const named = readdirSync(folder).filter((file) =>
    new RegExp(`^\\d{4}-\\d{2}-\\d{2}${ending}$`).test(file),
  );
  assert.equal(named.length, 1, `one ${ending} file in ${readdirSync(folder).join(', ')}`);
  return named[0]!.slice(0, 10);
}

describe('the benchmark in smoke mode (real dev server, worker, API and PostgreSQL)', function () {
  this.timeout(180_000);
  let out: string;
  before(() => (out = mkdtempSync(path.join(os.tmpdir(), 'onething-bench-smoke-'))));
  after(() => rmSync(out, { recursive: true, force: true }));

  it('runs every workload and writes every figure, the summary and its chart', async function () {
    const bench = runBench('--smoke', '--out', out);
    assert.equal(await bench.exited, 0, bench.output());
    const date = dateOfOnlyResult(out, '-smoke.json');
    const result = JSON.parse(readFileSync(path.join(out, `${date}-smoke.json`), 'utf8')) as BenchResult;
    assert.equal(result.date, date, 'the file is named by the run’s own date');
    assert.ok(existsSync(path.join(out, `${date}-smoke.svg`)));
    assert.match(readFileSync(path.join(out, `${date}-smoke.md`), 'utf8'), /Households\/s ÷ WR\/s/);

    assert.ok(result.machine.cores > 0);
    const run = result.results.memory!;
    assert.match(run.server.version, /temporal version/);
    for (const workload of WORKLOADS) {
      const figures = run.workloads[workload];
      assert.ok(figures.casesPerSecond.median > 0, `${workload} completed cases`);
      assert.equal(
        figures.casesPerSecond.samples.length,
        2,
        `${workload}: one A-B-B-A block, two repetitions`,
      );
      assert.ok(figures.cost.events > 0 && figures.cost.billableActions > 0, `${workload} history read`);
    }
    // Petitions to `completed` (accepted, replied, rated) and childcare applications to `registered` (complete,
    // inspected, approved twice): every step taken through the API by the person the process names.
    for (const workload of PROCESS_WORKLOADS) {
      const figures = run.processes[workload];
      assert.equal(figures.casesPerSecond.samples.length, 2, workload);
      assert.ok(figures.cost.updates >= 3 && figures.cpuSecondsPerCase.api! > 0, workload);
    }
    assert.ok(run.processes.C.cost.updates >= 4);
    // The household's work is done by the platform's worker; the baselines' by their own (idle ones tick too).
    assert.ok(run.workloads.H.cpuSecondsPerCase.worker! > 0);
    assert.ok(run.workloads.WR.cpuSecondsPerCase.baselineWorker! > 0);
    // WR asks of Temporal what the warm-up households did (their shape varies a little from case to case).
    const wr = run.workloads.WR.cost;
    assert.deepEqual(
      [wr.activities, wr.updates, wr.timers, wr.searchAttributeUpserts],
      [run.shape.activities, run.shape.updates, run.shape.timers, run.shape.searchAttributeUpserts],
    );
    assert.ok(Math.abs(run.workloads.H.cost.activities - run.shape.activities) <= 2);
    // Its decisions arrive once it waits, as a household's do, so each wakes it in a workflow task of its own, as
    // does each activity's completion and the start (WR used to send them at once, where they rode in tasks it had
    // anyway: 14, against a household's 16).
    assert.equal(wr.workflowTasks, 1 + run.shape.activities + run.shape.updates, JSON.stringify(wr));
    // WRP is WR whose activities carry a household's bytes (the sampled households' IDs differ in length a little)…
    const wrp = run.workloads.WRP.cost;
    assert.equal(wrp.workflowTasks, wr.workflowTasks);
    for (const part of ['input', 'result', 'summary'] as const) {
      const household = run.workloads.H.cost.activityBytes[part];
      assert.ok(Math.abs(wrp.activityBytes[part] - household) < Math.max(16, household / 20), part);
    }
    assert.ok(wr.activityBytes.input < run.workloads.H.cost.activityBytes.input / 2);
    // …and sets a household's search attributes: its first six with the start (WR: none), then each upsert's as a
    // household's (the SDK's own patch record aside), with a start summary as long (WR: none).
    const firstSix = [
      SEARCH_ATTRIBUTES.process,
      SEARCH_ATTRIBUTES.district,
      SEARCH_ATTRIBUTES.stage,
      SEARCH_ATTRIBUTES.department,
      SEARCH_ATTRIBUTES.overdue,
      SEARCH_ATTRIBUTES.escalationRung,
    ].map((key) => key.name);
    assert.deepEqual(
      run.wrpShape.attributes?.atStart.map((attribute) => attribute.name).sort(),
      firstSix.sort(),
    );
    const upsertsOf = (cost: CaseCost) =>
      Object.keys(cost.actionsByName).filter((name) => name.startsWith('upsert '));
    const stageOnly = `upsert ${SEARCH_ATTRIBUTES.stage.name}`; // WR's every upsert, and WRP's for the patch record's
    assert.deepEqual(upsertsOf(wr), [stageOnly]);
    const householdUpserts = upsertsOf(run.workloads.H.cost);
    assert.deepEqual(
      upsertsOf(wrp).filter((name) => name !== stageOnly && !householdUpserts.includes(name)),
      [],
    );
    assert.ok(upsertsOf(wrp).some((name) => name.includes(SEARCH_ATTRIBUTES.department.name)));
    assert.equal(wr.startSummaryBytes, 0);
    const summary = run.workloads.H.cost.startSummaryBytes;
    assert.ok(summary > 0 && Math.abs(wrp.startSummaryBytes - summary) < Math.max(16, summary / 20));
    // The read models are told before the booking and at each wait (installation-scheduled; acceptance with its
    // task; closed); eligibility and settlement ride on their department calls; one patch marker. At most half of
    // 2026-11-30's 9 activities and 14 upserts.
    const household = run.workloads.H.cost;
    assert.deepEqual([household.readModelActivities, household.searchAttributeUpserts], [4, 7]);
    assert.equal(judgeTargets(run).find((t) => t.target.startsWith('Bookkeeping'))?.verdict, 'met');
    assert.ok(Number.isFinite(run.ratios.householdsVsWr.ratio));
    // Households at 50% and 80% of the closed loop's rate; starts through the API and the raw client, A-B-B-A.
    assert.deepEqual(
      run.openLoop.map((loop) => loop.requests),
      [result.plan.cases.H, result.plan.cases.H],
    );
    assert.deepEqual(
      run.starts.runs.map((start) => start.arm),
      ['api', 'raw', 'raw', 'api'],
    );
    assert.ok(run.starts.api.cpuSecondsPerStart >= 0 && run.starts.raw.p50.median > 0);
    // The same household histories replayed by the audit CLI and raw, on one process and on two.
    assert.equal(run.replay.histories, 2 * result.plan.cases.H);
    for (const arm of ['audit-1', 'raw-1', 'audit-2', 'raw-2'] as const)
      assert.ok(run.replay.historiesPerSecond[arm].median > 0, arm);
    // The worker's memory read with 0, 2 and 4 households parked, on an empty cache: at least the households the
    // start measurement left parked were ended first.
    assert.ok(
      run.memory.endedFirst >= 4 * result.plan.blocks * result.plan.starts.requests,
      String(run.memory.endedFirst),
    );
    assert.deepEqual(
      run.memory.points.map((point) => point.parked),
      [0, 2, 4],
    );
    assert.ok(run.memory.points.every((point) => point.rssMiB > 10));
    // District campaigns of 3 and 6 households: every household ended in some 10-second bucket, CPU and the
    // worker's memory read at each.
    assert.deepEqual(
      run.campaignScale.map((campaign) => campaign.households),
      [3, 6],
    );
    for (const campaign of run.campaignScale) {
      assert.equal(
        campaign.endedPerBucket.reduce((a, b) => a + b, 0),
        campaign.households,
      );
      assert.ok(campaign.cpuSecondsPerHousehold.worker! > 0 && campaign.totalCpuSecondsPerHousehold > 0);
      assert.equal(campaign.workerRssMiB.perBucket.length, campaign.endedPerBucket.length);
      assert.ok([campaign.workerRssMiB.atStart, ...campaign.workerRssMiB.perBucket].every((mib) => mib > 10));
    }
  });

  it('runs campaign scale alone (`npm run bench -- campaign`), its pace measured on the same stack', async function () {
    const bench = runBench('campaign', '--sizes', '4', '2', '--out', out);
    assert.equal(await bench.exited, 0, bench.output());
    const date = dateOfOnlyResult(out, '-campaign-memory.json');
    const result = JSON.parse(
      readFileSync(path.join(out, `${date}-campaign-memory.json`), 'utf8'),
    ) as CampaignBenchResult;
    assert.equal(result.date, date, 'the file is named by the run’s own date');
    assert.deepEqual(
      result.campaigns.map((campaign) => campaign.households),
      [2, 4],
    );
    assert.ok(result.householdsPerSecondClosedLoop! > 0 && result.householdCost.billableActions > 0);
    assert.match(
      readFileSync(path.join(out, `${date}-campaign-memory.md`), 'utf8'),
      /The 820,000-household campaign, extrapolated/,
    );
  });

  it('runs 免申即享 round scale alone (`npm run bench -- round`): every enterprise judged, one in a hundred started', async function () {
    const bench = runBench('round', '--sizes', '300', '100', '--out', out);
    assert.equal(await bench.exited, 0, bench.output());
    const date = dateOfOnlyResult(out, '-round-memory.json');
    const result = JSON.parse(
      readFileSync(path.join(out, `${date}-round-memory.json`), 'utf8'),
    ) as RoundBenchResult;
    assert.deepEqual(
      result.rounds.map((round) => [round.enterprises, round.casesStarted]),
      [
        [100, 1],
        [300, 3],
      ],
    );
    for (const round of result.rounds) {
      assert.ok(round.cpuSecondsPerEnterprise.worker! > 0 && round.totalCpuSecondsPerEnterprise > 0);
    }
    assert.ok(Number.isFinite(result.cpuPerEnterpriseRatio));
    assert.match(readFileSync(path.join(out, `${date}-round-memory.md`), 'utf8'), /largest round ÷ smallest/);
  });

  it('measures what tracing costs (`npm run bench -- tracing`): off, 100% and 1% sampled, each against off', async function () {
    const bench = runBench('tracing', '--cases', '6', '--concurrency', '2', '--out', out);
    assert.equal(await bench.exited, 0, bench.output());
    const date = dateOfOnlyResult(out, '-tracing-memory.json');
    const result = JSON.parse(
      readFileSync(path.join(out, `${date}-tracing-memory.json`), 'utf8'),
    ) as TracingBenchResult;
    assert.deepEqual(
      result.modes.map((m) => m.mode),
      ['off', 'on, 100% sampled', 'on, 1% sampled'],
    );
    const [off, all] = result.modes;
    // Off sends nothing; every household traced sends its API, workflow, activity and SQL spans.
    assert.equal(off!.spansReceived, 0);
    assert.ok(all!.spansReceived > 6 * 4, `${all!.spansReceived} spans`);
    for (const m of result.modes) assert.ok(m.householdsPerSecond > 0 && m.cpuSecondsPerHousehold > 0);
    assert.match(readFileSync(path.join(out, `${date}-tracing-memory.md`), 'utf8'), /÷ off/);
  });

  it("profiles households against WR (`npm run bench -- profile`), counting each process's SQL statements", async function () {
    // On a machine of two CPUs or more, with the dev server on a CPU of its own (the stack checks it took).
    const [serverCpu, restCpu] = allowedCpus(process.pid);
    const pinned = restCpu !== undefined;
    const bench = runBench(
      'profile',
      ...['--cases', '2', '--concurrency', '1', '--count-statements', '--wr-payloads'],
      ...(pinned ? ['--server-cpus', String(serverCpu)] : []),
    );
    assert.equal(await bench.exited, 0, bench.output());
    const output = bench.output();
    if (pinned) {
      const split = `the dev server alone on CPU ${serverCpu}; the worker, API, baselines' worker and the bench's drivers on CPU ${restCpu}`;
      assert.ok(output.includes(split), output);
    }
    assert.match(output, /H: [\d.]+ cases\/s; CPU-s per case: temporal [\d.]+, worker [\d.]+/);
    assert.match(output, /WR: [\d.]+ cases\/s/);
    assert.match(output, /WRP \(WR with a household's payloads and search attributes\): [\d.]+ cases\/s/);
    const worker = /worker: ([\d.]+) statements per household/.exec(output);
    assert.ok(worker && Number(worker[1]) > 0, output);
    assert.match(output, /insert into "city_finance"."ledger"/, 'each statement is listed by its shape');
  });
});
