/**
 * Registration (备案): any provider, subsidised or not, registers with the health commission after the departments'
 * checks and the standards, and coverage counts its slots. Real PostgreSQL; nothing here needs Temporal.
 */
import assert from 'node:assert/strict';
import type { Express } from 'express';
import request from 'supertest';
import type { Adapters } from '../../activities/adapters';
import type { Db } from '../../activities/db/connection';
import { bearer } from '../helpers/api';
import { openScratchApi, type ScratchApi } from '../helpers/live-api';
import { subsidyApplication } from '../helpers/childcare';
import { prepareDepartments } from '../workflows/childcare-helpers';

const YEAR = 2026;

describe('childcare registration (备案) and coverage of every provider (real PostgreSQL)', function () {
  let db: Db;
  let adapters: Adapters;
  let app: Express;
  let scratch: ScratchApi | undefined;
  const clerk = (district = 'gongyi' as const) =>
    bearer({ sub: `hc-${district}`, dept: 'health-commission', district, roles: ['clerk'] });

  before(async function () {
    scratch = await openScratchApi('registration', { gongyi: 20_000 });
    ({ db, adapters, app } = scratch);
  });
  after(() => scratch?.drop());

  /** A provider of the given kind in 巩义市, its departments' records in order. */
  async function providerOf(serial: number, kind: string, level: string, community: string) {
    const body = subsidyApplication(serial, 'gongyi');
    const provider = { ...body.provider, kind, level, community, street: '孝义街道' };
    await prepareDepartments(adapters, { ...body, provider }, {}, Date.UTC(YEAR, 5, 1));
    return provider;
  }
  const standards = (slots: number) => ({
    slots,
    monthlyPriceFen: 150_000,
    monitoring24hWithAlarm: true,
    videoCoversAllAreas: true,
    recordingRetentionDays: 90,
  });
  const register = async (body: object, auth?: string) =>
    request(app)
      .post('/v1/childcare/registrations')
      .set('Authorization', auth ?? (await clerk()))
      .send({ year: YEAR, ...body });

  it('registers a public provider and a workplace one; coverage counts both, and the public share over all slots', async function () {
    const publicProvider = await providerOf(951, 'public', 'street', '孝南社区');
    const workplace = await providerOf(952, 'workplace', 'community', '孝北社区');
    const first = await register({ provider: publicProvider, standards: standards(60) });
    assert.equal(first.status, 201, JSON.stringify(first.body));
    assert.equal(first.body.status, 'registered');
    const second = await register({ provider: workplace, standards: standards(40) });
    assert.equal(second.status, 201, JSON.stringify(second.body));
    const again = await register({ provider: workplace, standards: standards(40) });
    assert.deepEqual([again.status, again.body.status], [200, 'existing']);

    const coverage = await request(app)
      .get(`/v1/childcare/coverage?district=gongyi&year=${YEAR}`)
      .set('Authorization', await clerk());
    const [row] = coverage.body.coverage;
    // Worked by hand: 60 + 40 = 100 slots for 20,000 residents = 5 per 1,000; public 60 of 100 = 60%; one public
    // provider against the county's one; one of ≥ 50 slots against its one.
    assert.deepEqual(
      [
        row.providers,
        row.slots,
        row.slotsPerThousand,
        row.publicShare,
        row.publicProviders,
        row.largeProviders,
      ],
      [2, 100, 5, 0.6, 1, 1],
    );
    assert.deepEqual(
      [row.targetsMet.publicShare, row.targetsMet.publicProviders, row.targetsMet.largeProviders],
      [true, true, true],
    );
  });

  it('refuses a provider that misses a standard or a department’s check, naming each, and registers nothing', async function () {
    const provider = await providerOf(953, 'private-public-aided', 'community', '回郭社区');
    // Another community than the one on file: civil affairs knows none, and fire safety signed off no such site.
    const refused = await register({
      provider: { ...provider, community: '无此社区' },
      standards: { ...standards(30), recordingRetentionDays: 60, monthlyPriceFen: 999_999 },
    });
    assert.equal(refused.status, 422, JSON.stringify(refused.body));
    const fields = (refused.body.error.problems as { field: string }[]).map((p) => p.field).sort();
    assert.deepEqual(fields, [
      'provider.community',
      'provider.community',
      'standards.monthlyPriceFen',
      'standards.recordingRetentionDays',
    ]);
    assert.equal(
      (await db('health_commission.childcare_registry').where({ credit_code: provider.creditCode })).length,
      0,
    );
  });

  it('registers for the health commission of the provider’s own area only', async function () {
    const provider = await providerOf(954, 'public', 'community', '孝东社区');
    const market = await bearer({
      sub: 'mr',
      dept: 'market-regulation',
      district: 'gongyi',
      roles: ['supervisor'],
    });
    assert.equal((await register({ provider, standards: standards(25) }, market)).status, 403);
    assert.equal(
      (await register({ provider, standards: standards(25) }, await clerk('erqi' as 'gongyi'))).status,
      403,
    );
  });
});
