/**
 * A supervisor's session in the real Temporal Web UI, driven in Debian's headless Chromium: sign in to the codec
 * server, point the UI at it with credentials, filter cases by district and stage, open one.
 */
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface WebUiSession {
  page: Page;
  close(): Promise<void>;
}

export async function openBrowser(): Promise<WebUiSession> {
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
  });
  const page = await browser.newPage({ viewport: { width: 1440, height: 1100 } });
  return { page, close: () => browser.close() };
}

export async function signInToCodec(page: Page, codecEndpoint: string, token: string): Promise<void> {
  await page.goto(`${codecEndpoint}/sign-in`);
  await page.locator('textarea[name="token"]').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: /Signed in as/ }).waitFor();
}

/** What the signed-in page tells a supervisor to do: the UI's Codec Server dialog, browser setting, credentials. */
export async function useCodecWithCredentials(
  page: Page,
  uiUrl: string,
  codecEndpoint: string,
): Promise<void> {
  await page.goto(`${uiUrl}/namespaces/default/workflows`);
  await page.locator('button[data-testid="data-encoder-status"], button[aria-label*="odec"]').first().click();
  await page.getByTestId('use-local-endpoint-input').check();
  await page.getByTestId('data-encoder-endpoint-input').fill(codecEndpoint);
  // The switch's input is visually hidden; its label is what a person clicks.
  await page.getByTestId('data-encoder-include-credentials').click();
  if (!(await page.locator('#pass-access-credentials').isChecked())) {
    throw new Error('the "Include cross-origin credentials" switch did not turn on');
  }
  await page.getByRole('button', { name: 'Apply' }).click();
}

export async function listCases(page: Page, uiUrl: string, query: string): Promise<void> {
  await page.goto(`${uiUrl}/namespaces/default/workflows?query=${encodeURIComponent(query)}`);
  await page
    .getByText(/\d+ Workflows?/)
    .first()
    .waitFor();
}

export async function openCase(page: Page, caseId: string): Promise<void> {
  await page.getByRole('link', { name: caseId, exact: true }).first().click();
  await page.getByText(caseId).first().waitFor();
}

/** The UI renders user metadata (summary, details) as Markdown in sandboxed frames: read every frame's text. */
export async function waitForTextInAnyFrame(
  page: Page,
  pattern: RegExp,
  timeoutMs = 30_000,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      const text = await frame
        .locator('body')
        .innerText()
        .catch(() => '');
      const match = text.match(pattern);
      if (match) return match[0];
    }
    await page.waitForTimeout(250);
  }
  throw new Error(`no frame shows text matching ${pattern}`);
}
