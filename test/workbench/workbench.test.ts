import assert from 'node:assert/strict';
import request from 'supertest';
import { bearer } from '../helpers/api';
import { useLiveApi, waitForCase } from '../helpers/live-api';
import { uniqueAccountRef } from '../helpers/database';
import { ensureTeams, ensureTenderPrices } from '../workflows/gas-retrofit-helpers';
import { subsidyApplication } from '../helpers/childcare';
import { prepareDepartments } from '../workflows/childcare-helpers';
import {
  choose,
  openWorkbench,
  picture,
  seriousAccessibilityViolations,
  signInAs,
  type Workbench,
} from './workbench-session';

const DISTRICT = 'jinshui';
const HOUSEHOLDS = '/v1/gas-retrofit/households';

describe('the clerks’ workbench in a browser (real API, dev server, worker, Postgres; Debian Chromium)', function () {
  this.timeout(180_000);
  const live = useLiveApi('workbench');
  let workbench: Workbench;

  before(async function () {
    await ensureTeams(live.adapters, DISTRICT);
    await ensureTenderPrices(live.adapters, DISTRICT);
    workbench = await openWorkbench(live);
  });
  after(async () => workbench?.close());

  const clerk = () => bearer({ sub: 'clerk-wb', dept: 'gas-company', district: DISTRICT, roles: ['clerk'] });
  const installer = () =>
    bearer({ sub: 'fitter-wb', dept: 'installer', district: DISTRICT, roles: ['installer'] });

  /** A household through the API up to the gas company's acceptance, as the installer's app would take it. */
  /** Starts a household as the clerk would through the API; answers its case ID. */
  async function startThroughApi(accountRef: string): Promise<string> {
    const started = await request(live.app)
      .post(HOUSEHOLDS)
      .set('Authorization', await clerk())
      .send({
        district: DISTRICT,
        accountRef,
        userType: 'residential-pipeline',
        channel: 'window',
        items: { valve: true, hoseLengthM: 1.5 },
        contact: { name: '王芳', phone: '13912345678', address: '金水区经三路 1 号' },
      });
    assert.equal(started.status, 201, JSON.stringify(started.body));
    return started.body.caseId as string;
  }

  /** A household up to the gas company's acceptance, reported installed as the installer's app would. */
  async function householdAwaitingAcceptance(start = startThroughApi): Promise<string> {
    const accountRef = uniqueAccountRef('WB');
    await live.adapters.gasCompany.upsertAccounts([
      { accountRef, district: DISTRICT, userType: 'residential-pipeline', status: 'active' },
    ]);
    const caseId = await start(accountRef);
    const url = `${HOUSEHOLDS}/${caseId}`;
    await waitForCase(live.app, url, await clerk(), (body) => body.stage === 'installation-scheduled');
    const reported = await request(live.app)
      .post(`${url}/actions/report-installation`)
      .set('Authorization', await installer())
      .send({ serials: { valve: 'V-WB-1', hose: 'H-WB-1' } });
    assert.equal(reported.status, 200, JSON.stringify(reported.body));
    await waitForCase(live.app, url, await clerk(), (body) => body.stage === 'acceptance' && !!body.openTask);
    return caseId;
  }

  /** The window clerk takes the household's request in the workbench's start form. */
  async function startInWorkbench(accountRef: string): Promise<string> {
    const { page } = workbench.browser;
    await signInAs(page, workbench.url, '燃气公司金水区窗口经办人');
    await page.getByRole('menuitem', { name: /新办：燃气安全改造/ }).click();
    await choose(page, '区县', '金水区');
    await page.getByLabel('燃气户号').fill(accountRef);
    await choose(page, '用户类型', '居民管道燃气用户');
    await choose(page, '受理渠道', '窗口');
    await page.getByLabel('燃气自闭阀').check();
    await page.getByLabel('金属软管长度（米）').fill('1.5');
    await page.getByLabel('姓名').fill('王芳');
    await page.getByLabel('联系电话').fill('13912345678');
    await page.getByLabel('地址').fill('金水区经三路 1 号');
    await page.getByRole('button', { name: '提交办件' }).click();
    const heading = page.getByRole('heading', { name: /^办件 / });
    await heading.waitFor();
    return (await heading.innerText()).replace(/^办件 /, '');
  }

  it('a gas-company clerk starts a household, finds its acceptance on the task board, is refused without a reason, then passes it', async function () {
    const caseId = await householdAwaitingAcceptance(startInWorkbench);
    const { page } = workbench.browser;
    await signInAs(page, workbench.url, '燃气公司金水区窗口经办人');

    const row = page.getByRole('row').filter({ hasText: '燃气公司验收' });
    await row.first().waitFor();
    await picture(page, 'task-board');
    await row.getByRole('link', { name: '安装验收' }).click();
    await page.getByRole('heading', { name: `办件 ${caseId}` }).waitFor();
    await page.getByText('燃气公司验收', { exact: true }).waitFor();

    const form = page.locator('.ant-card').filter({ has: page.getByText('验收', { exact: true }) });
    await choose(page, '验收结果', '不合格');
    await form.getByRole('button', { name: '提交验收' }).click();
    const refusal = form.getByRole('alert');
    await refusal.waitFor();
    assert.match(
      await refusal.innerText(),
      /填写的内容不符合要求[\s\S]*理由（reason）：验收不合格时须说明理由/,
    );
    await picture(page, 'refused-acceptance');

    await choose(page, '验收结果', '合格');
    await form.getByRole('button', { name: '提交验收' }).click();
    await page.getByText('已提交：验收').waitFor();
    const passed = await waitForCase(live.app, `${HOUSEHOLDS}/${caseId}`, await clerk(), (body) =>
      ['settlement', 'payment', 'closed'].includes(body.stage as string),
    );
    const decisions = passed.decisions as { action: string; by: { userId: string } }[];

    const contact = page.locator('.ant-card').filter({ hasText: '联系人信息' });
    await contact.getByRole('button', { name: '查看（已脱敏）' }).click();
    await contact.getByText('139****5678').waitFor();
    assert.doesNotMatch(await contact.innerText(), /王芳|13912345678/);
    await contact.getByRole('button', { name: /显示完整信息/ }).click();
    await contact.getByText('13912345678').waitFor();
    const audited = await live.adapters.auditLog.forCase(caseId);
    assert.ok(
      audited.some(
        (entry) => entry.action === 'contact:unmask' && entry.actor.userId === 'demo-gas-clerk-jinshui',
      ),
      'the unmasked read is in the audit log under the signed-in person',
    );
    assert.equal(decisions.at(-1)?.action, 'acceptance');
    assert.equal(
      decisions.at(-1)?.by.userId,
      'demo-gas-clerk-jinshui',
      'the decision is the signed-in person’s',
    );
  });

  it('the petition office files a petition; the department it is routed to accepts and replies', async function () {
    await live.adapters.petitionOffice.setRoute({
      category: 'public-facilities',
      district: DISTRICT,
      department: 'urban-management',
      updatedBy: 'test',
    });
    const { page } = workbench.browser;
    await signInAs(page, workbench.url, '金水区信访局经办人');
    await page.getByRole('menuitem', { name: /新办：群众诉求/ }).click();
    const petitionRef = `WB-${Date.now()}`;
    await page.getByLabel('诉求编号').fill(petitionRef);
    await choose(page, '受理渠道', '窗口');
    await choose(page, '诉求类别', '公共设施');
    await choose(page, '诉求性质', '求助');
    await choose(page, '区县', '金水区');
    await page.getByLabel('发生地点').fill('金水区花园路与农业路交叉口');
    await page.getByLabel('诉求内容').fill('路口东北角路灯已连续一周不亮，夜间行人过街不安全。');
    await page.getByLabel('姓名').fill('赵敏');
    await page.getByLabel('联系电话').fill('13700001111');
    await picture(page, 'petition-start');
    await page.getByRole('button', { name: '提交办件' }).click();
    const heading = page.getByRole('heading', { name: /^办件 / });
    await heading.waitFor();
    const caseId = (await heading.innerText()).replace(/^办件 /, '');
    assert.doesNotMatch(caseId, /赵敏|13700001111/, 'no personal data in the case ID');

    await signInAs(page, workbench.url, '金水区城市管理局经办人');
    await page
      .getByRole('row')
      .filter({ hasText: '待受理' })
      .getByRole('link', { name: '受理' })
      .first()
      .waitFor();
    await page.goto(`${workbench.url}#/cases/petition/${encodeURIComponent(caseId)}`);
    await page.getByRole('button', { name: '提交受理' }).click();
    await page.getByText('已提交：受理').waitFor();
    await page.getByText('办理中', { exact: true }).waitFor();
    await page.getByLabel('答复文书编号').fill('DF-2026-0001');
    await page.getByRole('button', { name: '提交答复' }).click();
    await page.getByText('已提交：答复').waitFor();
    await page.getByText('已答复，待回访评价', { exact: true }).waitFor();
    await picture(page, 'petition-replied');
    const history = page.locator('.ant-card').filter({ hasText: '办理记录' });
    assert.match(await history.innerText(), /受理[\s\S]*城市管理局[\s\S]*答复[\s\S]*城市管理局/);
  });

  it('a health-commission inspector records a site inspection', async function () {
    const body = subsidyApplication(901);
    await prepareDepartments(live.adapters, body);
    const clerk = await bearer({
      sub: 'hc-clerk-wb',
      dept: 'health-commission',
      district: DISTRICT,
      roles: ['clerk'],
    });
    const started = await request(live.app)
      .post('/v1/childcare/applications')
      .set('Authorization', clerk)
      .send(body);
    assert.equal(started.status, 201, JSON.stringify(started.body));
    const url = started.headers.location!;
    await waitForCase(
      live.app,
      url,
      clerk,
      (s) => (s.openTask as { kind?: string } | undefined)?.kind === 'completeness',
    );
    const complete = await request(live.app)
      .post(`${url}/actions/completeness`)
      .set('Authorization', clerk)
      .send({ outcome: 'complete' });
    assert.equal(complete.status, 200, JSON.stringify(complete.body));
    await waitForCase(live.app, url, clerk, (s) => s.stage === 'site-inspection' && !!s.openTask);

    const { page } = workbench.browser;
    await signInAs(page, workbench.url, '金水区卫健委核查员');
    await page
      .getByRole('row')
      .filter({ hasText: '现场核查' })
      .getByRole('link', { name: '现场核查' })
      .first()
      .click();
    await page.getByText('现场核查', { exact: true }).first().waitFor();
    await choose(page, '核查结果', '合格');
    await page.getByLabel('现场照片编号').fill('PHOTO-WB-901');
    await page.getByRole('button', { name: '提交登记现场核查结果' }).click();
    await page.getByText('已提交：登记现场核查结果').waitFor();
    await waitForCase(live.app, url, clerk, (s) => s.stage === 'health-approval');
  });

  it('has no serious accessibility violations on the task board or a case page', async function () {
    const caseId = await householdAwaitingAcceptance();
    const { page } = workbench.browser;
    await signInAs(page, workbench.url, '燃气公司金水区窗口经办人');
    await page.getByRole('row').filter({ hasText: '燃气公司验收' }).first().waitFor();
    assert.deepEqual(await seriousAccessibilityViolations(page), []);
    await page.goto(`${workbench.url}#/cases/gas-retrofit-household/${caseId}`);
    await page.getByRole('heading', { name: `办件 ${caseId}` }).waitFor();
    assert.deepEqual(await seriousAccessibilityViolations(page), []);
  });
});
