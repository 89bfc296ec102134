/**
 * Coverage from the registry through the API, as JSON and as the chart, which is opened in headless Chromium (the
 * way a supervisor sees it): one row per district, bars coloured by whether the target is met.
 */
import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import request from 'supertest';
import type { Adapters } from '../../activities/adapters';
import { bearer } from '../helpers/api';
import { openScratchApi, type ScratchApi } from '../helpers/live-api';
import { subsidyApplication } from '../helpers/childcare';
import { prepareDepartments } from '../workflows/childcare-helpers';
import { openBrowser } from '../e2e/web-ui/supervisor-browser';

describe('childcare coverage through the API, and its chart in a browser', function () {
  this.timeout(120_000);
  let adapters: Adapters;
  let app: Express;
  let scratch: ScratchApi | undefined;
  const supervisor = () =>
    bearer({ sub: 'hc-city', dept: 'health-commission', district: 'city', roles: ['supervisor'] });

  before(async function () {
    // A registry of its own, so the figures are exactly this test's providers.
    scratch = await openScratchApi('coverage', { jinshui: 100_000, erqi: 50_000 });
    ({ adapters, app } = scratch);
    // Registered as any provider is (备案), through the API: public, 民办公助 and workplace slots all count.
    const entry = async (
      serial: number,
      district: 'jinshui' | 'erqi',
      kind: string,
      slots: number,
      street: string,
    ) => {
      const body = subsidyApplication(serial, district);
      const provider = { ...body.provider, kind, level: 'street', street, community: '某社区' };
      await prepareDepartments(adapters, { ...body, provider }, {}, Date.UTC(2026, 5, 1));
      const registered = await request(app)
        .post('/v1/childcare/registrations')
        .set(
          'Authorization',
          await bearer({ sub: 'hc', dept: 'health-commission', district, roles: ['clerk'] }),
        )
        .send({
          provider,
          year: 2026,
          standards: {
            slots,
            monthlyPriceFen: 150_000,
            monitoring24hWithAlarm: true,
            videoCoversAllAreas: true,
            recordingRetentionDays: 90,
          },
        });
      assert.equal(registered.status, 201, JSON.stringify(registered.body));
    };
    await entry(971, 'jinshui', 'public', 400, '花园路街道');
    await entry(972, 'jinshui', 'private-public-aided', 200, '丰产路街道');
    await entry(973, 'erqi', 'workplace', 100, '建中街街道');
    await adapters.civilAffairs.upsertCommunities([
      { district: 'jinshui', street: '花园路街道', community: '某社区' },
      { district: 'jinshui', street: '经八路街道', community: '某社区' },
    ]);
  });
  after(() => scratch?.drop());

  it('reports each district against the targets, and says where residents are not configured', async function () {
    const res = await request(app)
      .get('/v1/childcare/coverage?year=2025')
      .set('Authorization', await supervisor());
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const byDistrict = Object.fromEntries(
      (res.body.coverage as Array<{ district: string }>).map((row) => [row.district, row]),
    ) as Record<string, Record<string, unknown>>;
    assert.equal(Object.keys(byDistrict).length, 16, 'every area of the city, not only the retrofit’s eight');
    const jinshui = byDistrict.jinshui!;
    assert.equal(jinshui.slots, 600);
    assert.equal(jinshui.slotsPerThousand, 6);
    assert.equal(jinshui.publicShare, 0.667);
    assert.deepEqual(jinshui.targetsMet, {
      slotsPerThousand: true,
      publicShare: true,
      largeProviders: true,
      publicProviders: null,
      everyStreetCovered: false,
      everyCommunityCovered: true,
    });
    assert.equal(jinshui.streetsKnown, 3);
    // Worked by hand: two providers of ≥ 50 against jinshui's two; 花园路 and 丰产路 covered of three streets known;
    // the one community (某社区) has a provider of ≥ 20.
    assert.deepEqual(
      [
        jinshui.largeProviders,
        jinshui.largeProvidersTarget,
        jinshui.streetsCovered,
        jinshui.communitiesCovered,
      ],
      [2, 2, 2, 1],
    );
    const svg = await request(app)
      .get('/v1/childcare/coverage.svg?year=2025&district=jinshui')
      .set('Authorization', await supervisor())
      .buffer(true)
      .parse((response, done) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        response.on('end', () => done(null, text));
      });
    assert.match(
      svg.body as string,
      /2 家 · 600 托位 · ≥50 托位机构 2\/2 ✓ · 街道（乡镇）覆盖 2\/3 ✗ · 社区覆盖 1\/1 ✓/,
    );
    assert.equal(byDistrict.gongyi!.largeProvidersTarget, 1);
    assert.equal(byDistrict.gongyi!.publicProvidersTarget, 1);
    assert.equal((byDistrict.gongyi!.targetsMet as { publicProviders: boolean }).publicProviders, false);
    assert.equal(byDistrict.erqi!.slotsPerThousand, 2);
    assert.equal(byDistrict.zhongyuan!.residents, null);
    const one = await request(app)
      .get('/v1/childcare/coverage?district=erqi&year=2023')
      .set('Authorization', await supervisor());
    assert.equal(one.body.coverage.length, 1);
    assert.equal(one.body.coverage[0].slotsPerThousandTarget, 4);
    assert.equal(
      (
        await request(app)
          .get('/v1/childcare/coverage')
          .set('Authorization', await bearer())
      ).status,
      403,
    );
  });

  it('draws the chart a supervisor opens in a browser: a row per district, bars by target met', async function () {
    const server: Server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as AddressInfo;
    const browser = await openBrowser();
    try {
      await browser.page.setExtraHTTPHeaders({ Authorization: await supervisor() });
      const answer = await browser.page.goto(`http://127.0.0.1:${port}/v1/childcare/coverage.svg?year=2025`);
      assert.equal(answer?.status(), 200);
      assert.match(answer?.headers()['content-type'] ?? '', /image\/svg\+xml/);
      assert.equal(await browser.page.locator('g.district').count(), 16);
      const jinshui = browser.page.locator('g.district[data-district="jinshui"] rect.rate');
      const erqi = browser.page.locator('g.district[data-district="erqi"] rect.rate');
      assert.equal(await jinshui.getAttribute('fill'), '#2e7d32', 'jinshui meets 6 per 1,000');
      assert.equal(await erqi.getAttribute('fill'), '#f9a825', 'erqi does not');
      const width = async (bar: typeof jinshui) => (await bar.boundingBox())!.width;
      assert.ok((await width(jinshui)) > 2.5 * (await width(erqi)), 'bars drawn to scale: 6 against 2');
      assert.match((await browser.page.locator('title').first().textContent()) ?? '', /2025/);
    } finally {
      await browser.close();
      server.close();
    }
  });
});
