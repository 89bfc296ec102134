/**
 * `npm run bench --smoke` inside `npm test`, so that the bench cannot rot: it runs every workload on the real
 * stack at tiny sizes and writes complete results. The figures themselves come from `npm run bench`, never from
 * here: nothing below compares a time.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../../platform/config';
import type { BenchResult } from '../../bench/report';
import { WORKLOADS } from '../../bench/run';
import { runProcess } from '../helpers/processes';

describe('the benchmark in smoke mode (real dev server, worker, API and PostgreSQL)', function () {
  this.timeout(180_000);
  let out: string;
  before(() => (out = mkdtempSync(path.join(os.tmpdir(), 'onething-bench-smoke-'))));
  after(() => rmSync(out, { recursive: true, force: true }));

  it('runs every workload and writes every figure, the summary and its chart', async function () {
    const bench = runProcess(
      process.execPath,
      ['--import', 'tsx', path.join(PROJECT_ROOT, 'bench', 'cli.ts'), '--smoke', '--out', out],
      { ...process.env, DATABASE_URL: '' },
      PROJECT_ROOT,
    );
    assert.equal(await bench.exited, 0, bench.output());
    const date = new Date().toISOString().slice(0, 10);
    const result = JSON.parse(readFileSync(path.join(out, `${date}-smoke.json`), 'utf8')) as BenchResult;
    assert.ok(existsSync(path.join(out, `${date}-smoke.svg`)));
    assert.match(readFileSync(path.join(out, `${date}-smoke.md`), 'utf8'), /Households\/s ÷ WR\/s/);

    assert.ok(result.machine.cores > 0);
    const memory = result.results.memory!;
    assert.match(memory.server.version, /temporal version/);
    for (const workload of WORKLOADS) {
      const figures = memory.workloads[workload];
      assert.ok(figures.casesPerSecond.median > 0, `${workload} completed cases`);
      assert.equal(
        figures.casesPerSecond.samples.length,
        2,
        `${workload}: one A-B-B-A block, two repetitions`,
      );
      assert.ok(figures.cost.events > 0 && figures.cost.billableActions > 0, `${workload} history read`);
    }
    // The household's work is done by the platform's worker; the baselines' by their own (idle ones tick too).
    assert.ok(memory.workloads.H.cpuSecondsPerCase.worker! > 0);
    assert.ok(memory.workloads.WR.cpuSecondsPerCase.baselineWorker! > 0);
    // WR asks of Temporal what the warm-up households did (their shape varies a little from case to case).
    const wr = memory.workloads.WR.cost;
    assert.deepEqual(
      [wr.activities, wr.updates, wr.timers, wr.searchAttributeUpserts],
      [
        memory.shape.activities,
        memory.shape.updates,
        memory.shape.timers,
        memory.shape.searchAttributeUpserts,
      ],
    );
    assert.ok(Math.abs(memory.workloads.H.cost.activities - memory.shape.activities) <= 2);
    assert.ok(Number.isFinite(memory.ratios.householdsVsWr.ratio));
    // Households at 50% and 80% of the closed loop's rate; starts through the API and the raw client, A-B-B-A.
    assert.deepEqual(
      memory.openLoop.map((run) => run.requests),
      [result.plan.cases.H, result.plan.cases.H],
    );
    assert.deepEqual(
      memory.starts.runs.map((run) => run.arm),
      ['api', 'raw', 'raw', 'api'],
    );
    assert.ok(memory.starts.api.cpuSecondsPerStart >= 0 && memory.starts.raw.p50.median > 0);
    // The same household histories replayed by the audit CLI and raw, on one process and on two.
    assert.equal(memory.replay.histories, 2 * result.plan.cases.H);
    for (const arm of ['audit-1', 'raw-1', 'audit-2', 'raw-2'] as const)
      assert.ok(memory.replay.historiesPerSecond[arm].median > 0, arm);
  });
});
