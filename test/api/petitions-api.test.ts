/**
 * Petitions through the API on a real dev server and real PostgreSQL: intake (idempotent, receivedAt checked),
 * routing table, reads with every deadline, decisions, and the report rule: a report's petitioner is never shown to
 * the handling department; the petition office sees it masked and unmasks it only with the permission, audited.
 */
import assert from 'node:assert/strict';
import request from 'supertest';
import { bearer } from '../helpers/api';
import { useLiveApi, waitForCase } from '../helpers/live-api';
import { assertNoPersonalData } from '../helpers/personal-data-scan';

const PETITIONS = '/v1/petitions';

describe('petitions through the API (real dev server, real Postgres)', function () {
  this.timeout(120_000);
  const live = useLiveApi('petitions');
  const office = (
    role: 'clerk' | 'supervisor' = 'clerk',
    district: 'jinshui' | 'city' = 'jinshui',
    perm?: 'unmask-personal-data',
  ) =>
    bearer({
      sub: `po-${role}-${district}`,
      dept: 'petition-office',
      district,
      roles: [role],
      ...(perm ? { perms: [perm] } : {}),
    });
  const urban = () =>
    bearer({ sub: 'um-js', dept: 'urban-management', district: 'jinshui', roles: ['clerk'] });
  const post = (ref: string, extra: object = {}) => ({
    petitionRef: ref,
    channel: 'window',
    category: 'public-facilities',
    kind: 'help',
    district: 'jinshui',
    location: '金水区文化路与农业路交叉口',
    text: '路口东北角路灯已经一周不亮，夜间行人很危险。',
    contact: { name: '隐私市民丙', phone: '13987650003' },
    ...extra,
  });

  it('a city supervisor routes; intake is idempotent; the department accepts; every deadline is in the case', async function () {
    const district = await request(live.app)
      .put(`${PETITIONS}/routes/jinshui/public-facilities`)
      .set('Authorization', await office('supervisor'))
      .send({ department: 'urban-management' });
    assert.equal(district.status, 403, 'the table is the city’s');
    const routed = await request(live.app)
      .put(`${PETITIONS}/routes/jinshui/public-facilities`)
      .set('Authorization', await office('supervisor', 'city'))
      .send({ department: 'urban-management' });
    assert.equal(routed.status, 200, JSON.stringify(routed.body));

    const clerk = await office();
    const started = await request(live.app)
      .post(PETITIONS)
      .set('Authorization', clerk)
      .send(post('WIN-0001'));
    assert.equal(started.status, 201, JSON.stringify(started.body));
    const again = await request(live.app).post(PETITIONS).set('Authorization', clerk).send(post('WIN-0001'));
    assert.equal(again.status, 200);
    const url = started.headers.location!;
    const waiting = await waitForCase(
      live.app,
      url,
      clerk,
      (s) => s.stage === 'awaiting-acceptance' && !!(s.deadlines as { acceptance?: unknown }).acceptance,
    );
    assert.equal(waiting.department, 'urban-management');
    assert.ok((waiting.deadlines as { acceptance?: { dueAt: string } }).acceptance?.dueAt);
    const accepted = await request(live.app)
      .post(`${url}/actions/accept`)
      .set('Authorization', await urban())
      .send({});
    assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
    const handling = await waitForCase(
      live.app,
      url,
      clerk,
      (s) => s.stage === 'handling' && !!(s.deadlines as { reply?: unknown }).reply,
    );
    assert.ok((handling.deadlines as { reply?: { dueAt: string } }).reply?.dueAt);
    // The post is readable by the handling department, its contact masked.
    const seen = await request(live.app)
      .get(`${url}/post`)
      .set('Authorization', await urban());
    assert.deepEqual(seen.body.contact, { name: '隐****', phone: '139****0003' });
  });

  it('refuses a receivedAt in the future or past the intake limit, naming the field', async function () {
    const clerk = await office();
    const future = await request(live.app)
      .post(PETITIONS)
      .set('Authorization', clerk)
      .send(post('WIN-0002', { receivedAt: new Date(Date.now() + 3_600_000).toISOString() }));
    assert.equal(future.status, 400);
    assert.deepEqual(future.body.error.problems, [
      { field: 'receivedAt', rule: 'must not be in the future' },
    ]);
    const stale = await request(live.app)
      .post(PETITIONS)
      .set('Authorization', clerk)
      .send(post('WIN-0003', { receivedAt: new Date(Date.now() - 40 * 86_400_000).toISOString() }));
    assert.equal(stale.status, 400);
    assert.equal(stale.body.error.problems[0].field, 'receivedAt');
    const typedInLater = await request(live.app)
      .post(PETITIONS)
      .set('Authorization', clerk)
      .send(
        post('KIOSK-0004', {
          channel: 'kiosk',
          receivedAt: new Date(Date.now() - 3 * 86_400_000).toISOString(),
        }),
      );
    assert.equal(typedInLater.status, 201);
  });

  it('a report’s petitioner is never shown to the handling department; unmasking is the office’s, audited', async function () {
    const clerk = await office();
    const started = await request(live.app)
      .post(PETITIONS)
      .set('Authorization', clerk)
      .send(post('WEB-REPORT-1', { kind: 'report' }));
    const url = started.headers.location!;
    await waitForCase(live.app, url, clerk, (s) => s.stage === 'awaiting-acceptance');
    assert.equal(
      (
        await request(live.app)
          .get(`${url}/post`)
          .set('Authorization', await urban())
      ).body.contact,
      null,
    );
    assert.deepEqual((await request(live.app).get(`${url}/post`).set('Authorization', clerk)).body.contact, {
      name: '隐****',
      phone: '139****0003',
    });
    assert.equal(
      (await request(live.app).get(`${url}/post?unmasked=true`).set('Authorization', clerk)).status,
      403,
    );
    assert.equal(
      (
        await request(live.app)
          .get(`${url}/post?unmasked=true`)
          .set('Authorization', await urban())
      ).status,
      403,
    );
    const unmasked = await request(live.app)
      .get(`${url}/post?unmasked=true`)
      .set('Authorization', await office('clerk', 'jinshui', 'unmask-personal-data'));
    assert.equal(unmasked.status, 200);
    assert.equal(unmasked.body.contact.phone, '13987650003');
    const audit = await live.db('onething.audit_log').where({ action: 'petition:unmask' }).select('outcome');
    assert.deepEqual(audit.map((r: { outcome: string }) => r.outcome).sort(), [
      'allowed',
      'refused',
      'refused',
    ]);
    // Every read of the report's post but its holder's is on record: the office's masked read and its unmasking.
    const postReads = await live
      .db('onething.audit_log')
      .where({ action: 'petition:read-report-post', case_id: started.body.caseId })
      .select('actor_id', 'reason');
    assert.deepEqual(
      postReads.map((r: { actor_id: string; reason: string }) => `${r.actor_id}: ${r.reason}`).sort(),
      ['po-clerk-jinshui: read as petition-office', 'po-clerk-jinshui: read as petition-office'],
    );
    await assertNoPersonalData(
      [await live.env.client.workflow.getHandle(started.body.caseId as string).fetchHistory()],
      [post('-').text, post('-').location, post('-').contact.name, post('-').contact.phone],
      { sees: 'WEB-REPORT-1' },
    );
  });

  it('the press desk calls only once the ladder reaches it, names a bad story address, and shows its records', async function () {
    const clerk = await office();
    const started = await request(live.app)
      .post(PETITIONS)
      .set('Authorization', clerk)
      .send(post('WIN-PRESS'));
    assert.equal(started.status, 201, JSON.stringify(started.body));
    const url = started.headers.location!;
    await waitForCase(live.app, url, clerk, (s) => s.stage === 'awaiting-acceptance');
    const reporter = await bearer({
      sub: 'gg-1',
      dept: 'public-supervision',
      district: 'city',
      roles: ['reporter'],
    });
    const early = await request(live.app)
      .post(`${url}/actions/press-follow-up`)
      .set('Authorization', reporter)
      .send({ answer: 'will-handle', account: '记者致电承办部门。' });
    assert.equal(early.status, 409, JSON.stringify(early.body));
    assert.match(early.body.error.message, /not reached the public supervision desk/);
    const badStory = await request(live.app)
      .post(`${url}/actions/press-publish`)
      .set('Authorization', reporter)
      .send({ verdict: 'resolved', headline: '路灯修好了', url: 'http://insecure.example/1' });
    assert.equal(badStory.status, 400);
    assert.deepEqual(
      badStory.body.error.problems.map((p: { field: string }) => p.field),
      ['url'],
    );
    // The desk has not taken the petition up: it reads neither the case nor its own (empty) records.
    for (const path of ['', '/press', '/post']) {
      const read = await request(live.app).get(`${url}${path}`).set('Authorization', reporter);
      assert.equal(read.status, 403, `${path}: ${JSON.stringify(read.body)}`);
      assert.match(read.body.error.message, /press desk once it has taken it up/);
    }
    const records = await request(live.app).get(`${url}/press`).set('Authorization', clerk);
    assert.equal(records.status, 200, JSON.stringify(records.body));
    assert.deepEqual(records.body, { calls: [], takenUp: null, visits: [], published: null });
  });

  it('the press desk takes up a fresh consultation, calls an outside organisation, visits, publishes; never a report', async function () {
    const clerk = await office();
    const reporter = await bearer({
      sub: 'gg-2',
      dept: 'public-supervision',
      district: 'city',
      roles: ['reporter'],
    });
    const desk = async (url: string, action: string, body: object) =>
      request(live.app).post(`${url}/actions/${action}`).set('Authorization', reporter).send(body);
    const started = await request(live.app)
      .post(PETITIONS)
      .set('Authorization', clerk)
      .send(post('APP-HUKOU-1', { kind: 'consultation', category: 'other' }));
    const url = started.headers.location!;
    await waitForCase(live.app, url, clerk, (s) => s.stage === 'awaiting-acceptance');

    assert.equal((await desk(url, 'press-visit', { place: '某路口', seen: '路灯确实不亮' })).status, 409);
    const takenUp = await desk(url, 'press-take-up', { account: '读者来电反映落户咨询无人答复' });
    assert.equal(takenUp.status, 200, JSON.stringify(takenUp.body));
    assert.equal(
      (await desk(url, 'press-take-up', { account: '再次接手这条咨询' })).status,
      409,
      'taken up once',
    );
    const called = await desk(url, 'press-follow-up', {
      answer: 'will-handle',
      account: '记者致电市人才交流中心，对方答复三个工作日内回电。',
      organisation: '郑州市人才交流中心',
    });
    assert.equal(called.status, 200, JSON.stringify(called.body));
    const visited = await desk(url, 'press-visit', {
      place: '市民服务中心',
      seen: '窗口已张贴集体户落户材料清单',
    });
    assert.equal(visited.status, 200, JSON.stringify(visited.body));
    const published = await desk(url, 'press-publish', {
      verdict: 'in-progress',
      headline: '集体户落户有了清单',
      url: 'https://example.gov.cn/gg/1',
    });
    assert.equal(published.status, 200, JSON.stringify(published.body));
    const petition = await waitForCase(
      live.app,
      url,
      reporter,
      (s) => !!(s.press as { published?: object })?.published,
    );
    const press = petition.press as {
      takenUp: { by: string };
      calls: { calledOrganisation?: string; calledDepartment?: string }[];
      visits: object[];
    };
    assert.equal(press.takenUp.by, 'gg-2');
    assert.deepEqual(
      press.calls.map((c) => [c.calledOrganisation, c.calledDepartment]),
      [['郑州市人才交流中心', undefined]],
    );
    assert.equal(press.visits.length, 1);
    const records = (await request(live.app).get(`${url}/press`).set('Authorization', reporter)).body;
    assert.equal(records.takenUp.account, '读者来电反映落户咨询无人答复');
    assert.equal(records.visits[0].seen, '窗口已张贴集体户落户材料清单');
    assert.equal(records.calls[0].calledOrganisation, '郑州市人才交流中心');

    const report = await request(live.app)
      .post(PETITIONS)
      .set('Authorization', clerk)
      .send(post('APP-REPORT-2', { kind: 'report', category: 'property' }));
    const reportUrl = report.headers.location!;
    await waitForCase(live.app, reportUrl, clerk, (s) => s.stage === 'awaiting-acceptance');
    const refused = await desk(reportUrl, 'press-take-up', { account: '想跟进这条举报' });
    assert.equal(refused.status, 403, JSON.stringify(refused.body));
    assert.match(refused.body.error.message, /never takes up a report/);
  });

  it('a department reads a petition while it holds it and after; one that never held it reads nothing', async function () {
    const clerk = await office();
    const started = await request(live.app)
      .post(PETITIONS)
      .set('Authorization', clerk)
      .send(post('WIN-HELD'));
    const url = started.headers.location!;
    await waitForCase(live.app, url, clerk, (s) => s.stage === 'awaiting-acceptance');
    const staff = (dept: 'housing' | 'heating', sub: string) =>
      bearer({ sub, dept, district: 'jinshui', roles: ['clerk'] });
    const housing = await staff('housing', 'hs-js');
    const heating = await staff('heating', 'ht-js');
    assert.equal((await request(live.app).get(url).set('Authorization', housing)).status, 403);
    const moved = await request(live.app)
      .post(`${url}/actions/transfer`)
      .set('Authorization', await urban())
      .send({ to: 'housing', reason: '属物业管理范围' });
    assert.equal(moved.status, 200, JSON.stringify(moved.body));
    for (const [reader, status] of [
      [housing, 200],
      [await urban(), 200],
      [heating, 403],
    ] as const) {
      assert.equal((await request(live.app).get(url).set('Authorization', reader)).status, status);
      assert.equal((await request(live.app).get(`${url}/post`).set('Authorization', reader)).status, status);
    }
    // The holder and the office read the transfer's reason; the department that passed it on, what it decided.
    const seenBy = async (reader: string) =>
      (await request(live.app).get(url).set('Authorization', reader)).body;
    for (const reader of [housing, clerk]) {
      const petition = await seenBy(reader);
      assert.equal(petition.transfers[0].reason, '属物业管理范围');
      assert.match(petition.decisions[0].detail, /属物业管理范围/);
    }
    const before = await seenBy(await urban());
    assert.equal(before.transfers[0].reason, undefined);
    assert.deepEqual(before.transfers[0].to, 'housing');
    assert.match(before.decisions[0].detail, /属物业管理范围/, 'its own decision’s particulars');
    const accepted = await request(live.app)
      .post(`${url}/actions/accept`)
      .set('Authorization', housing)
      .send({});
    assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
    const after = await seenBy(await urban());
    assert.deepEqual(
      after.decisions.map((d: { action: string; detail?: string }) => [d.action, d.detail !== undefined]),
      [
        ['transfer', true],
        ['accept', false],
      ],
    );
  });
});
