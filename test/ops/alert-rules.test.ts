import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { Registry } from 'prom-client';
import { httpMetrics } from '../../api/metrics/http-metrics';
import { registerPlatformMetrics } from '../../api/metrics/platform-metrics';
import { PETITION_LADDERS } from '../../processes/petitions/workflow/rules';

const run = promisify(execFile);
const PROMTOOL = process.env.PROMTOOL ?? 'promtool';
const OPS = 'ops/prometheus';
const PRESS_DESK_RUNG = 4;

/** The API process's metrics as a scrape shows them, with a figure for every label set. */
function apiRegistry(): Registry {
  const registry = new Registry();
  registerPlatformMetrics(registry, {
    figures: {
      casesByStage: () => Promise.resolve([{ process: 'petition', stage: 'closed', cases: 3 }]),
      openTasks: () =>
        Promise.resolve([
          { process: 'petition', kind: 'reply', department: 'petition-office', rung: 1, open: 2, overdue: 1 },
        ]),
      bookings: () =>
        Promise.resolve([
          { party: 'cityFinance', bookings: 2, bookedFen: 300, reversals: 0, reversedFen: 0 },
        ]),
      lastLoadedCalendarYear: () => Promise.resolve(2027),
    },
    endStages: new Map([['petition', ['closed']]]),
    ledgers: [{ party: 'cityFinance', table: 'city_finance.ledger' }],
    packageCalendarLastYear: () => 2026,
  });
  httpMetrics(registry);
  return registry;
}

const metricNamesIn = (text: string) => new Set(text.match(/\bonething_[a-z_]+/g) ?? []);

describe('operations: alert rules and dashboard (Prometheus’s own promtool)', function () {
  this.timeout(30_000);

  it('the scrape configuration and its alert rules pass promtool check config', async function () {
    const { stdout } = await run(PROMTOOL, ['check', 'config', `${OPS}/prometheus.yml`]);
    assert.match(stdout, /SUCCESS: 5 rules found/);
  });

  it('every alert fires when it should and only then (promtool test rules)', async function () {
    const { stdout } = await run(PROMTOOL, [
      'test',
      'rules',
      `${OPS}/alerts.test.yml`,
      `${OPS}/calendar-alert.test.yml`,
    ]);
    assert.match(stdout, /SUCCESS/);
  });

  it('the API’s exposition passes promtool check metrics', async function () {
    const child = execFile(PROMTOOL, ['check', 'metrics']);
    const output: string[] = [];
    child.stdout!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.stdin!.end(await apiRegistry().metrics());
    const code = await new Promise((resolve) => child.on('close', resolve));
    assert.equal(code, 0, output.join(''));
  });

  it('the alerts and the dashboard name only metrics the API declares', async function () {
    const declared = new Set(
      (await apiRegistry().getMetricsAsJSON()).flatMap(({ name, type }) =>
        String(type) === 'histogram' ? [`${name}_bucket`, `${name}_count`, `${name}_sum`] : [name],
      ),
    );
    for (const file of [`${OPS}/alerts.yml`, 'ops/grafana/onething-operations.json']) {
      const used = [...metricNamesIn(readFileSync(file, 'utf8'))];
      assert.ok(used.length > 0, file);
      assert.deepEqual(
        used.filter((name) => !declared.has(name)),
        [],
        `${file} names metrics nobody serves`,
      );
    }
  });

  it('the press-desk alert watches the rung at which a petition ladder reaches the public supervision desk, and only it', function () {
    assert.match(readFileSync(`${OPS}/alerts.yml`, 'utf8'), new RegExp(`rung="${PRESS_DESK_RUNG}"`));
    const pressRungs = Object.values(PETITION_LADDERS).flatMap((ladder) =>
      ladder.rungs.flatMap((rung, index) => (rung.department === 'public-supervision' ? [index] : [])),
    );
    assert.ok(pressRungs.length > 0);
    assert.deepEqual(new Set(pressRungs), new Set([PRESS_DESK_RUNG]));
    // No ladder goes past the press desk: its rung is the last, so `rung="4"` means the press desk.
    for (const ladder of Object.values(PETITION_LADDERS))
      assert.ok(ladder.rungs.length <= PRESS_DESK_RUNG + 1);
  });
});
