import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client, Connection } from '@temporalio/client';
import type { Express } from 'express';
import request from 'supertest';
import { createDb } from '../../activities/db/connection';
import { apiMetricsRegistry } from '../../api/metrics/registry';
import { serveMetrics } from '../../api/metrics/metrics-server';
import { bearer, testApp } from '../helpers/api';
import { uniqueAccountRef } from '../helpers/database';
import { householdRequest } from '../helpers/household-request';
import { useLiveApi, waitForCase } from '../helpers/live-api';
import { parseSamples, valueOf, type Sample } from '../helpers/prometheus-text';
import { ensureTeams, ensureTenderPrices } from '../workflows/gas-retrofit-helpers';

const district = 'huiji';
const HOUSEHOLD = 'gas-retrofit-household';
const CONTACT = { name: '王建国', phone: '13711112222', address: '惠济区示例路 9 号' };

describe('operations: the API process’s metrics endpoint, liveness and readiness (real dev server, real Postgres)', function () {
  this.timeout(120_000);
  const live = useLiveApi('ops-metrics');
  let app: Express;
  let server: Server;
  const scrape = async () => {
    const { port } = server.address() as AddressInfo;
    const res = await fetch(`http://127.0.0.1:${port}/metrics`);
    assert.equal(res.status, 200);
    const text = await res.text();
    return { text, samples: parseSamples(text) };
  };
  /** Scrapes until the figures show what `settled` waits for (they follow the workflow by an activity's write). */
  const scrapeUntil = async (settled: (samples: Sample[]) => boolean) => {
    for (let attempt = 0; ; attempt += 1) {
      const scraped = await scrape();
      if (settled(scraped.samples) || attempt === 100) return scraped;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  const as = {
    clerk: () => bearer({ sub: 'clerk-hj', dept: 'gas-company', district, roles: ['clerk'] }),
    installer: () => bearer({ sub: 'fitter-hj', dept: 'installer', district, roles: ['installer'] }),
  };

  before(async function () {
    const registry = apiMetricsRegistry(live.db);
    app = testApp(live.env.client, live.db, live.taskQueue, { metrics: registry });
    server = await serveMetrics(registry, '127.0.0.1', 0);
    await ensureTeams(live.adapters, district);
    await ensureTenderPrices(live.adapters, district);
  });
  after(() => server?.close());

  /** The case read through the API once it stands at the stage with no decision's work still running. */
  const readUntil = async (url: string, stage: string) =>
    waitForCase(app, url, await as.clerk(), (body) => body.stage === stage && !body.workingOn);

  it('a scrape after a household closes shows it started and ended, its task while open, its payments per party, and its requests by route', async function () {
    const before = (await scrape()).samples;
    const accountRef = uniqueAccountRef('OPS');
    await live.adapters.gasCompany.upsertAccounts([
      { accountRef, district, userType: 'residential-pipeline', status: 'active' },
    ]);
    const started = await request(app)
      .post('/v1/gas-retrofit/households')
      .set('Authorization', await as.clerk())
      .send(householdRequest(district, accountRef, CONTACT));
    assert.equal(started.status, 201, JSON.stringify(started.body));
    const url = started.headers.location!;
    const caseId = started.body.caseId as string;
    await readUntil(url, 'installation-scheduled');
    await request(app)
      .post(`${url}/actions/report-installation`)
      .set('Authorization', await as.installer())
      .send({ serials: { valve: 'ZV-1', hose: 'MH-1' } })
      .expect(200);
    await readUntil(url, 'acceptance');
    const acceptanceTask = { process: HOUSEHOLD, kind: 'acceptance', department: 'gas-company', rung: '0' };
    // The task board and the registry are written by activities, a moment after the stage is read.
    const { samples: midway } = await scrapeUntil(
      (samples) => valueOf(samples, 'onething_tasks_open', acceptanceTask) === 1,
    );
    assert.equal(valueOf(midway, 'onething_tasks_open', acceptanceTask), 1);
    assert.equal(valueOf(midway, 'onething_cases_open', { process: HOUSEHOLD, stage: 'acceptance' }), 1);

    await request(app)
      .post(`${url}/actions/acceptance`)
      .set('Authorization', await as.clerk())
      .send({ result: 'pass' })
      .expect(200);
    await live.env.client.workflow.getHandle(caseId).result();
    const closed = await readUntil(url, 'closed');
    const { totals } = closed.settlement as { totalFen: number; totals: Record<string, number> };

    const ended = { process: HOUSEHOLD, outcome: 'closed' };
    const { text, samples: after } = await scrapeUntil(
      (samples) =>
        valueOf(samples, 'onething_tasks_open', acceptanceTask) === 0 &&
        valueOf(samples, 'onething_cases_ended_total', ended) >
          valueOf(before, 'onething_cases_ended_total', ended),
    );
    const grew = (name: string, labels: Record<string, string>) =>
      valueOf(after, name, labels) - valueOf(before, name, labels);
    assert.equal(grew('onething_cases_started_total', { process: HOUSEHOLD }), 1);
    assert.equal(grew('onething_cases_ended_total', ended), 1);
    assert.equal(valueOf(after, 'onething_tasks_open', acceptanceTask), 0);
    for (const [party, fen] of Object.entries(totals).filter(([, fen]) => fen > 0)) {
      assert.equal(grew('onething_payments_booked_total', { party }), 1, party);
      assert.equal(grew('onething_payments_booked_fen_total', { party }), fen, party);
    }
    const actionRoute = '/v1/gas-retrofit/households/{caseId}/actions/acceptance';
    assert.equal(
      grew('onething_http_request_duration_seconds_count', {
        method: 'POST',
        route: actionRoute,
        status: '200',
      }),
      1,
    );
    assert.ok(valueOf(after, 'onething_holiday_calendar_last_year') >= new Date().getFullYear());
    // Routes, never raw paths: no case ID, account or contact in what Prometheus stores.
    for (const secret of [caseId, accountRef, CONTACT.name, CONTACT.phone]) assert.ok(!text.includes(secret));
  });

  it('liveness answers while Temporal or PostgreSQL is down; readiness says which one is', async function () {
    const noTemporal = testApp(
      new Client({ connection: Connection.lazy({ address: '127.0.0.1:1' }) }),
      live.db,
      'nowhere',
    );
    await request(noTemporal).get('/livez').expect(200, { status: 'ok' });
    const notReady = await request(noTemporal).get('/readyz').expect(503);
    assert.deepEqual(notReady.body.checks, { temporal: 'unavailable', database: 'ok' });

    const noDatabase = createDb('postgres://onething@127.0.0.1:1/nowhere');
    try {
      const app = testApp(live.env.client, noDatabase, 'nowhere');
      await request(app).get('/livez').expect(200, { status: 'ok' });
      const res = await request(app).get('/readyz').expect(503);
      assert.deepEqual(res.body.checks, { temporal: 'ok', database: 'unavailable' });
      await request(live.app).get('/readyz').expect(200);
    } finally {
      await noDatabase.destroy();
    }
  });
});
