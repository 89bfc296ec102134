/**
 * A childcare application through the API on a real dev server and real PostgreSQL: started once per credit code
 * and site, read, decided step by step to payment and the registry; staff masked, and never in Temporal.
 */
import assert from 'node:assert/strict';
import request from 'supertest';
import { bearer } from '../helpers/api';
import { useLiveApi, waitForCase } from '../helpers/live-api';
import { subsidyApplication } from '../helpers/childcare';
import { prepareDepartments } from '../workflows/childcare-helpers';
import { assertNoPersonalData } from '../helpers/personal-data-scan';

const APPLICATIONS = '/v1/childcare/applications';

describe('childcare applications through the API (real dev server, real Postgres)', function () {
  this.timeout(120_000);
  const live = useLiveApi('childcare');
  const staff = (role: 'clerk' | 'supervisor' | 'inspector', district: 'jinshui' | 'erqi' = 'jinshui') =>
    bearer({ sub: `hc-${role}-${district}`, dept: 'health-commission', district, roles: [role] });
  const finance = () =>
    bearer({ sub: 'fin-js', dept: 'district-finance', district: 'jinshui', roles: ['finance'] });

  it('starts once per credit code and site, runs to payment and the registry; staff masked and kept out of Temporal', async function () {
    const body = subsidyApplication(501);
    await prepareDepartments(live.adapters, body);
    const clerk = await staff('clerk');
    const started = await request(live.app).post(APPLICATIONS).set('Authorization', clerk).send(body);
    assert.equal(started.status, 201, JSON.stringify(started.body));
    const again = await request(live.app).post(APPLICATIONS).set('Authorization', clerk).send(body);
    assert.equal(again.status, 200);
    assert.equal(again.body.caseId, started.body.caseId);
    const caseId = started.body.caseId as string;
    const url = started.headers.location!;

    const masked = await request(live.app).get(`${url}/staff`).set('Authorization', clerk);
    assert.equal(masked.status, 200);
    assert.deepEqual(masked.body.staff[0], { name: '李**', certificateNumber: 'BY*******01' });

    await waitForCase(
      live.app,
      url,
      clerk,
      (s) => (s.openTask as { kind?: string } | undefined)?.kind === 'completeness',
    );
    const act = async (action: string, auth: string, decision: object) => {
      const res = await request(live.app)
        .post(`${url}/actions/${action}`)
        .set('Authorization', auth)
        .send(decision);
      assert.equal(res.status, 200, `${action}: ${JSON.stringify(res.body)}`);
    };
    await act('completeness', clerk, { outcome: 'complete' });
    await waitForCase(live.app, url, clerk, (s) => s.stage === 'site-inspection' && !!s.openTask);
    await act('inspection', await staff('inspector'), { result: 'pass', photosRef: 'PHOTO-501' });
    await waitForCase(live.app, url, clerk, (s) => s.stage === 'health-approval' && !!s.openTask);
    await act('health-approval', await staff('supervisor'), { decision: 'approve' });
    await waitForCase(live.app, url, clerk, (s) => s.stage === 'finance-approval' && !!s.openTask);
    // An inspector may not approve for finance: 403, audited.
    const refused = await request(live.app)
      .post(`${url}/actions/finance-approval`)
      .set('Authorization', await staff('inspector'))
      .send({ decision: 'approve' });
    assert.equal(refused.status, 403);
    await act('finance-approval', await finance(), { decision: 'approve' });
    const registered = await waitForCase(live.app, url, clerk, (s) => s.stage === 'registered');
    assert.equal((registered.payment as { amountFen: number }).amountFen, 30_000_000);
    assert.equal(
      (await live.db('health_commission.childcare_registry').where({ case_id: caseId })).length,
      1,
    );
    assert.equal((await live.db('district_finance.ledger').where({ case_id: caseId })).length, 1);

    await assertNoPersonalData(
      [await live.env.client.workflow.getHandle(caseId).fetchHistory()],
      body.staff.flatMap((member) => [member.name, member.certificateNumber]),
      { sees: body.provider.creditCode },
    );
  });

  it('posting again with another staff list is refused; a change of staff is its own decision, filed and audited', async function () {
    const body = subsidyApplication(503);
    await prepareDepartments(live.adapters, body);
    const clerk = await staff('clerk');
    const started = await request(live.app).post(APPLICATIONS).set('Authorization', clerk).send(body);
    assert.equal(started.status, 201, JSON.stringify(started.body));
    const url = started.headers.location!;
    const caseId = started.body.caseId as string;
    const replacement = [{ name: '赵新人', certificateNumber: 'BYNEW50301' }];

    const reposted = await request(live.app)
      .post(APPLICATIONS)
      .set('Authorization', clerk)
      .send({ ...body, staff: replacement });
    assert.equal(reposted.status, 409, JSON.stringify(reposted.body));
    assert.match(reposted.body.error.message, /^staff: .*actions\/staff-change/);
    assert.ok(!JSON.stringify(reposted.body).includes('BYNEW50301'));
    const kept = await request(live.app).get(`${url}/staff`).set('Authorization', clerk);
    assert.equal(kept.body.staff[0].name, '李**', 'the list posted first is kept');

    await waitForCase(
      live.app,
      url,
      clerk,
      (s) => (s.openTask as { kind?: string } | undefined)?.kind === 'completeness',
    );
    const changed = await request(live.app)
      .post(`${url}/actions/staff-change`)
      .set('Authorization', clerk)
      .send({ staff: replacement, reason: '原保育员离职' });
    assert.equal(changed.status, 200, JSON.stringify(changed.body));
    await waitForCase(
      live.app,
      url,
      clerk,
      (s) => s.workingOn === undefined && s.stage === 'completeness-check',
    );
    const now = await request(live.app).get(`${url}/staff`).set('Authorization', clerk);
    assert.deepEqual(now.body.staff, [{ name: '赵**', certificateNumber: 'BY******01' }]);
    const [filed] = await live.db('onething.audit_log').where({ action: 'staff:change', case_id: caseId });
    assert.equal(filed.actor_id, 'hc-clerk-jinshui');
    assert.equal(filed.details.staff, 1);
    await assertNoPersonalData(
      [await live.env.client.workflow.getHandle(caseId).fetchHistory()],
      ['赵新人', 'BYNEW50301'],
      { sees: body.provider.creditCode },
    );
  });

  it('another district’s staff cannot see or decide it; a bad credit code is refused at the door', async function () {
    const body = subsidyApplication(502);
    await prepareDepartments(live.adapters, body);
    const started = await request(live.app)
      .post(APPLICATIONS)
      .set('Authorization', await staff('clerk'))
      .send(body);
    const url = started.headers.location!;
    const erqi = await staff('clerk', 'erqi');
    assert.equal((await request(live.app).get(url).set('Authorization', erqi)).status, 403);
    assert.equal((await request(live.app).get(`${url}/staff`).set('Authorization', erqi)).status, 403);
    assert.equal(
      (
        await request(live.app)
          .post(`${url}/actions/withdraw`)
          .set('Authorization', erqi)
          .send({ reason: 'x' })
      ).status,
      403,
    );
    assert.equal(
      (
        await request(live.app)
          .get(url)
          .set('Authorization', await bearer())
      ).status,
      403,
      'a gas clerk',
    );
    const bad = await request(live.app)
      .post(APPLICATIONS)
      .set('Authorization', await staff('clerk'))
      .send({ ...body, provider: { ...body.provider, creditCode: '91350100M000100Y44' } });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.problems[0].field, 'provider.creditCode');
  });
});
