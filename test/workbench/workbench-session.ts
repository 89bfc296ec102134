/**
 * The clerks' workbench served by a real API on a real port (real dev server, worker and scratch database through
 * useLiveApi's parts), and driven in Debian's headless Chromium. The browser's calls to /v1 pass through the same
 * contract check as every test's.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { workbenchSettings } from '../../api/workbench/workbench-settings';
import { ensureWorkbenchBuilt } from '../../scripts/lib/workbench-build';
import { TEST_JWT, testApp } from '../helpers/api';
import type { LiveApi } from '../helpers/live-api';
import type { IdentityProviderSettings } from '../../api/provider-tokens';
import { openBrowser, type WebUiSession } from '../e2e/web-ui/supervisor-browser';

export interface Workbench {
  url: string;
  browser: WebUiSession;
  close(): Promise<void>;
}

export interface WorkbenchOptions {
  /** Run as production does: no demo people. */
  production?: boolean;
  /** The identity provider the page signs in with, and whose tokens the API trusts. */
  provider?: IdentityProviderSettings;
  /** The port to serve on (a provider's client names its redirect URI before the API listens); any free one by default. */
  port?: number;
}

export async function openWorkbench(live: LiveApi, options: WorkbenchOptions = {}): Promise<Workbench> {
  ensureWorkbenchBuilt();
  const jwt = { ...TEST_JWT, ...(options.provider ? { provider: options.provider } : {}) };
  const app = testApp(live.env.client, live.db, live.taskQueue, {
    jwt,
    workbench: workbenchSettings({ production: options.production ?? false, jwt }),
  });
  const server: Server = await new Promise((resolve) => {
    const listening = app.listen(options.port ?? 0, '127.0.0.1', () => resolve(listening));
  });
  const browser = await openBrowser();
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/workbench`,
    browser,
    async close() {
      await browser.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** Signs in as a demo person (development's sign-in), landing on their task board. */
export async function signInAs(page: Page, url: string, personName: string): Promise<void> {
  await page.goto(url);
  await page.evaluate('sessionStorage.clear()');
  await page.goto(`${url}#/tasks`);
  await page.reload();
  await page
    .getByRole('listitem')
    .filter({ hasText: personName })
    .getByRole('button', { name: '以此身份登录' })
    .click();
  await page.getByRole('heading', { name: '我的待办' }).waitFor();
}

/** Picks an option of an Ant Design select, found by its field's label. */
export async function choose(page: Page, fieldLabel: string, option: string): Promise<void> {
  await page.getByLabel(fieldLabel, { exact: true }).click();
  await page.locator('.ant-select-dropdown:visible').getByTitle(option, { exact: true }).click();
}

/** With WORKBENCH_SCREENSHOTS=<folder> (docs/workbench for the README), keeps a picture of the page as it stands. */
export async function picture(page: Page, name: string): Promise<void> {
  const folder = process.env.WORKBENCH_SCREENSHOTS;
  if (!folder) return;
  await page.locator('.ant-spin-spinning').first().waitFor({ state: 'detached' });
  await page.screenshot({ path: path.join(folder, `${name}.png`), fullPage: true });
}

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core's serious and critical violations on the page as it stands. */
export async function seriousAccessibilityViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated, not added as a script tag: the API's content security policy allows no inline script.
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate<AxeViolation[]>('axe.run().then((results) => results.violations)');
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
