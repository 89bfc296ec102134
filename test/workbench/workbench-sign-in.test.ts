import assert from 'node:assert/strict';
import { SignJWT, generateKeyPair } from 'jose';
import request from 'supertest';
import { freePort } from '../../scripts/lib/free-port';
import { testApp, TEST_JWT } from '../helpers/api';
import { startIdentityProvider, type RunningIdentityProvider } from '../helpers/identity-provider';
import { useLiveApi } from '../helpers/live-api';
import { workbenchSettings } from '../../api/workbench/workbench-settings';
import { openWorkbench, type Workbench } from './workbench-session';

const STAFF = {
  'zhang.wei': { name: '张伟（燃气公司金水区）', dept: 'gas-company', district: 'jinshui', roles: ['clerk'] },
} as const;

describe('signing in to the workbench through the city’s OpenID Connect provider (a real provider in the test)', function () {
  this.timeout(120_000);
  const live = useLiveApi('workbench-sign-in');
  let idp: RunningIdentityProvider;
  let workbench: Workbench;

  before(async function () {
    const port = await freePort();
    idp = await startIdentityProvider(
      { 'zhang.wei': { ...STAFF['zhang.wei'], roles: [...STAFF['zhang.wei'].roles] } },
      `http://127.0.0.1:${port}/workbench/`,
    );
    workbench = await openWorkbench(live, { production: true, provider: idp.settings, port });
  });
  after(async () => {
    await workbench?.close();
    await idp?.close();
  });

  it('a clerk signs in at the provider and works with its access token; production offers no demo people', async function () {
    const { page } = workbench.browser;
    await page.goto(workbench.url);
    await page.getByRole('button', { name: '通过统一身份认证登录' }).waitFor();
    assert.equal(
      await page.getByRole('button', { name: '以此身份登录' }).count(),
      0,
      'no demo people in production',
    );

    await page.getByRole('button', { name: '通过统一身份认证登录' }).click();
    await page.locator('input[name="login"]').fill('zhang.wei');
    await page.locator('input[name="password"]').fill('any');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();

    await page.getByRole('heading', { name: '我的待办' }).waitFor();
    await page.getByText('张伟（燃气公司金水区）').waitFor();
    assert.equal(new URL(page.url()).search, '', 'the code is not left in the address bar');
    const token = await page.evaluate<string | null>("sessionStorage.getItem('onething-workbench-session')");
    const header = JSON.parse(Buffer.from(token!.split('.')[0]!, 'base64url').toString()) as { typ: string };
    assert.equal(
      header.typ,
      'at+jwt',
      'the page holds the provider’s access token, not a token of the API’s',
    );
    await page.getByText('暂无待办').waitFor();
  });

  it('the API trusts the provider’s tokens only: another key, or the demo sign-in in production, is refused', async function () {
    const app = testApp(live.env.client, live.db, live.taskQueue, {
      jwt: { ...TEST_JWT, provider: idp.settings },
      workbench: workbenchSettings({ production: true, jwt: TEST_JWT }),
    });
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await new SignJWT({ ...STAFF['zhang.wei'] })
      .setProtectedHeader({ alg: 'RS256', typ: 'at+jwt', kid: 'city-idp-1' })
      .setIssuer(idp.settings.issuer)
      .setAudience(idp.settings.audience)
      .setSubject('zhang.wei')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);
    const refused = await request(app).get('/v1/tasks').set('Authorization', `Bearer ${forged}`);
    assert.equal(refused.status, 401);
    const demo = await request(app).post('/workbench/sign-in/demo').send({ person: 'gas-clerk-jinshui' });
    assert.equal(demo.status, 404);
  });
});
