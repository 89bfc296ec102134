/**
 * Childcare and petitions serve the whole city, its sixteen districts, development zones and counties; the retrofit
 * stays in its eight urban districts. End to end through the API, on a real dev server and real PostgreSQL.
 */
import assert from 'node:assert/strict';
import request from 'supertest';
import { AREA_KIND_OF, DISTRICT_CODES, RETROFIT_DISTRICT_CODES } from '../../workflows/definitions';
import { bearer, householdStartBody } from '../helpers/api';
import { subsidyApplication } from '../helpers/childcare';
import { useLiveApi, waitForCase } from '../helpers/live-api';
import { prepareDepartments } from '../workflows/childcare-helpers';

type Area = 'gongyi' | 'hangkonggang';
const AREAS: readonly Area[] = ['gongyi', 'hangkonggang'];

describe('the whole city: childcare and petitions in every area, the retrofit in its eight (real dev server)', function () {
  this.timeout(180_000);
  const live = useLiveApi('whole-city');

  it('knows sixteen areas by kind, eight of them the retrofit’s', function () {
    assert.equal(DISTRICT_CODES.length, 16);
    const byKind = (kind: string) => DISTRICT_CODES.filter((d) => AREA_KIND_OF[d] === kind).length;
    assert.deepEqual(
      [byKind('district'), byKind('development-zone'), byKind('county-level-city'), byKind('county')],
      [6, 4, 5, 1],
    );
    assert.equal(RETROFIT_DISTRICT_CODES.length, 8);
    for (const outside of ['gongyi', 'hangkonggang', 'shangjie']) {
      assert.ok(!(RETROFIT_DISTRICT_CODES as readonly string[]).includes(outside), outside);
    }
  });

  for (const area of AREAS) {
    it(`a petition in ${area} is taken in, routed, accepted, replied to and completed`, async function () {
      await live.adapters.petitionOffice.setRoute({
        category: 'public-facilities',
        district: area,
        department: 'urban-management',
        updatedBy: 'po-city',
      });
      const office = await bearer({
        sub: `po-${area}`,
        dept: 'petition-office',
        district: area,
        roles: ['clerk'],
      });
      const handler = await bearer({
        sub: `um-${area}`,
        dept: 'urban-management',
        district: area,
        roles: ['clerk'],
      });
      const started = await request(live.app)
        .post('/v1/petitions')
        .set('Authorization', office)
        .send({
          petitionRef: `CITY-${area.toUpperCase()}-1`,
          channel: 'app',
          category: 'public-facilities',
          kind: 'help',
          district: area,
          location: '某路口',
          text: '路灯不亮已经一周了',
          contact: { name: '测试市民', phone: '13900000000' },
        });
      assert.equal(started.status, 201, JSON.stringify(started.body));
      const url = started.headers.location!;
      const routed = await waitForCase(live.app, url, office, (s) => s.stage === 'awaiting-acceptance');
      assert.equal(routed.department, 'urban-management');
      const act = async (auth: string, action: string, body: object) => {
        const res = await request(live.app)
          .post(`${url}/actions/${action}`)
          .set('Authorization', auth)
          .send(body);
        assert.equal(res.status, 200, `${action}: ${JSON.stringify(res.body)}`);
      };
      await act(handler, 'accept', {});
      await waitForCase(live.app, url, office, (s) => s.stage === 'handling');
      await act(handler, 'reply', { summaryRef: `REPLY-${area}` });
      await waitForCase(live.app, url, office, (s) => s.stage === 'replied');
      await act(office, 'rate', { satisfied: true });
      const done = await waitForCase(live.app, url, office, (s) => s.stage === 'completed');
      assert.equal(done.district, area);
    });

    it(`a childcare application in ${area} runs to payment and the registry`, async function () {
      const body = subsidyApplication(area === 'gongyi' ? 901 : 902, area);
      await prepareDepartments(live.adapters, body);
      const health = (role: 'clerk' | 'inspector' | 'supervisor') =>
        bearer({ sub: `hc-${role}-${area}`, dept: 'health-commission', district: area, roles: [role] });
      const clerk = await health('clerk');
      const started = await request(live.app)
        .post('/v1/childcare/applications')
        .set('Authorization', clerk)
        .send(body);
      assert.equal(started.status, 201, JSON.stringify(started.body));
      const url = started.headers.location!;
      const act = async (auth: string, action: string, decision: object) => {
        const res = await request(live.app)
          .post(`${url}/actions/${action}`)
          .set('Authorization', auth)
          .send(decision);
        assert.equal(res.status, 200, `${action}: ${JSON.stringify(res.body)}`);
      };
      const taskIs = (kind: string) => (s: Record<string, unknown>) =>
        (s.openTask as { kind?: string } | undefined)?.kind === kind;
      await waitForCase(live.app, url, clerk, taskIs('completeness'));
      await act(clerk, 'completeness', { outcome: 'complete' });
      await waitForCase(live.app, url, clerk, taskIs('inspection'));
      await act(await health('inspector'), 'inspection', { result: 'pass', photosRef: `PHOTO-${area}` });
      await waitForCase(live.app, url, clerk, taskIs('health-approval'));
      await act(await health('supervisor'), 'health-approval', { decision: 'approve' });
      await waitForCase(live.app, url, clerk, taskIs('finance-approval'));
      const finance = await bearer({
        sub: `fin-${area}`,
        dept: 'district-finance',
        district: area,
        roles: ['finance'],
      });
      await act(finance, 'finance-approval', { decision: 'approve' });
      const registered = await waitForCase(live.app, url, clerk, (s) => s.stage === 'registered');
      assert.equal(registered.district, area);
      const [entry] = await live
        .db('health_commission.childcare_registry')
        .where({ case_id: started.body.caseId });
      assert.equal(entry.district, area);
    });

    it(`a retrofit household in ${area} is refused: it is not in the campaign`, async function () {
      const res = await request(live.app)
        .post('/v1/gas-retrofit/households')
        .set('Authorization', await bearer({ sub: `gas-${area}`, dept: 'gas-company', district: area }))
        .send({ ...householdStartBody(`ZZ-${area.toUpperCase()}-1`), district: area });
      assert.equal(res.status, 400, JSON.stringify(res.body));
      assert.deepEqual(res.body.error.problems, [
        {
          field: 'district',
          rule: `must be one of the retrofit campaign’s eight urban districts: ${RETROFIT_DISTRICT_CODES.join(', ')}`,
        },
      ]);
    });
  }
});
