import assert from 'node:assert/strict';
import request from 'supertest';
import { bearer } from '../helpers/api';
import { useLiveApi, waitForCase } from '../helpers/live-api';
import { uniqueAccountRef } from '../helpers/database';
import { ensureTeams, ensureTenderPrices } from '../workflows/gas-retrofit-helpers';
import {
  choose,
  openWorkbench,
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
  async function householdAwaitingAcceptance(): Promise<string> {
    const accountRef = uniqueAccountRef('WB');
    await live.adapters.gasCompany.upsertAccounts([
      { accountRef, district: DISTRICT, userType: 'residential-pipeline', status: 'active' },
    ]);
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
    const url = `${HOUSEHOLDS}/${started.body.caseId as string}`;
    await waitForCase(live.app, url, await clerk(), (body) => body.stage === 'installation-scheduled');
    const reported = await request(live.app)
      .post(`${url}/actions/report-installation`)
      .set('Authorization', await installer())
      .send({ serials: { valve: 'V-WB-1', hose: 'H-WB-1' } });
    assert.equal(reported.status, 200, JSON.stringify(reported.body));
    await waitForCase(live.app, url, await clerk(), (body) => body.stage === 'acceptance' && !!body.openTask);
    return started.body.caseId as string;
  }

  it('a gas-company clerk finds the acceptance on the task board, is refused without a reason, then passes it', async function () {
    const caseId = await householdAwaitingAcceptance();
    const { page } = workbench.browser;
    await signInAs(page, workbench.url, '燃气公司金水区窗口经办人');

    const row = page.getByRole('row').filter({ hasText: '燃气公司验收' });
    await row.getByRole('link', { name: '安装验收' }).click();
    await page.getByRole('heading', { name: `办件 ${caseId}` }).waitFor();
    await page.getByText('燃气公司验收', { exact: true }).waitFor();

    const form = page.locator('.ant-card').filter({ has: page.getByText('验收', { exact: true }) });
    await choose(page, 'result', 'fail');
    await form.getByRole('button', { name: '提交验收' }).click();
    const refusal = form.getByRole('alert');
    await refusal.waitFor();
    assert.match(await refusal.innerText(), /填写的内容不符合要求[\s\S]*reason/);

    await choose(page, 'result', 'pass');
    await form.getByRole('button', { name: '提交验收' }).click();
    await page.getByText('已提交：验收').waitFor();
    const passed = await waitForCase(live.app, `${HOUSEHOLDS}/${caseId}`, await clerk(), (body) =>
      ['settlement', 'payment', 'closed'].includes(body.stage as string),
    );
    const decisions = passed.decisions as { action: string; by: { userId: string } }[];
    assert.equal(decisions.at(-1)?.action, 'acceptance');
    assert.equal(
      decisions.at(-1)?.by.userId,
      'demo-gas-clerk-jinshui',
      'the decision is the signed-in person’s',
    );
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
