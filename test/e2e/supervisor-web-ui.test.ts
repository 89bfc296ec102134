/**
 * Supervisors in the real Temporal Web UI of `npm start`, and the proof that personal data never reaches
 * Temporal: cases started with contact data through the API, then (1) headless Chromium filters, opens a case and
 * reads its summary and decoded input through the codec server after signing in, ciphertext before; (2) raw
 * histories, search attributes, memos, IDs, and the worker's, API's and server's logs hold none of that data.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { signToken } from '../../api/auth';
import { demoAccounts } from '../../processes/gas-retrofit/demo-seed';
import { AesGcmPayloadCodec, ENCRYPTED_ENCODING } from '../../platform/codec/payload-codec';
import { loadConfig, PROJECT_ROOT } from '../../platform/config';
import {
  SEARCH_ATTRIBUTES,
  DEPARTMENT_CODES,
  DISTRICT_CODES,
  type District,
} from '../../workflows/definitions';
import {
  CAMPAIGN_ID_PATTERN,
  CAMPAIGN_STAGES,
  GAS_RETROFIT_PROCESS_CODES,
  GAS_RETROFIT_STAGES,
} from '../../processes/gas-retrofit/workflow/contract';
import { createScratchDatabase } from '../helpers/database';
import { assertNoPersonalData, type StoredRecord } from '../helpers/personal-data-scan';
import { prepareDepartments } from '../workflows/childcare-helpers';
import { createDb } from '../../activities/db/connection';
import { createPostgresAdapters } from '../../activities/adapters';
import {
  encodingOf,
  isPatchMarker,
  isReadableByDesign,
  payloadsIn,
  type FoundPayload,
} from '../helpers/payloads';
import { launchPlatform, PLATFORM_READY, platformEnv, type PlatformPorts } from '../helpers/platform';
import type { RunningProcess } from '../helpers/processes';
import {
  listCases,
  openBrowser,
  openCase,
  signInToCodec,
  useCodecWithCredentials,
  waitForTextInAnyFrame,
} from './web-ui/supervisor-browser';
import { checkedFetch } from '../helpers/contract';
import { subsidyApplication } from '../helpers/childcare';
import { CHILDCARE_PROCESS_CODE, CHILDCARE_STAGES } from '../../processes/childcare/workflow/contract';
import { PETITION_PROCESS_CODE, PETITION_STAGES } from '../../processes/petitions/workflow/contract';

const SCREENSHOTS = path.join(PROJECT_ROOT, 'test-output', 'web-ui');

/** Made-up, distinctive personal data: any trace of it outside the gas company's table is a leak. */
const CONTACTS = {
  jinshui: { name: '隐私测试甲', phone: '13987650001', address: '金水区保密路77号' },
  erqi: { name: '隐私测试乙', phone: '13987650002', address: '二七区保密街88号' },
} as const satisfies Partial<Record<District, object>>;
/** Every value a Keyword search attribute of ours may take: codes only, so free text can never get in. */
const CLOSED_VOCABULARY = new Set<string>([
  ...Object.values(GAS_RETROFIT_PROCESS_CODES),
  CHILDCARE_PROCESS_CODE,
  PETITION_PROCESS_CODE,
  ...DISTRICT_CODES,
  ...DEPARTMENT_CODES,
  ...GAS_RETROFIT_STAGES,
  ...CAMPAIGN_STAGES,
  ...CHILDCARE_STAGES,
  ...PETITION_STAGES,
]);
/** A childcare provider's staff: personal data the health commission keeps. */
const STAFF = [
  { name: '隐私托育甲', certificateNumber: 'PII-CERT-99001' },
  { name: '隐私托育乙', certificateNumber: 'PII-CERT-99002' },
];
/** A citizen's post: the petitioner's contact, and the text and location the petition office keeps. */
const PETITION_POST = {
  contact: { name: '隐私信访丙', phone: '13987650009' },
  location: '金水区保密巷99号',
  text: '保密留言：小区门口积水三天无人处理',
};
const PERSONAL_DATA = [
  ...Object.values(CONTACTS).flatMap((contact) => Object.values(contact)),
  ...STAFF.flatMap((member) => Object.values(member)),
  ...Object.values(PETITION_POST.contact),
  PETITION_POST.location,
  PETITION_POST.text,
];

describe('supervisors in the Temporal Web UI; no personal data in Temporal (npm start)', function () {
  this.timeout(240_000);
  let dataDir: string;
  let dropScratch: () => Promise<void>;
  let platform: RunningProcess;
  let ports: PlatformPorts;
  let env: NodeJS.ProcessEnv;
  const caseIds: Partial<Record<keyof typeof CONTACTS, string>> = {};
  let petitionCaseId = '';
  let childcareCaseId = '';

  const apiUrl = () => `http://127.0.0.1:${ports.api}`;
  const uiUrl = () => `http://127.0.0.1:${ports.ui}`;
  const codecUrl = () => `${apiUrl()}/codec`;
  const token = (claims: Parameters<typeof signToken>[0]) => signToken(claims, loadConfig(env).jwt);

  before(async function () {
    let url: string;
    ({ url, drop: dropScratch } = await createScratchDatabase('webui'));
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'onething-webui-'));
    ({ env, ports } = await platformEnv(dataDir, url));
    platform = launchPlatform(env);
    await platform.waitForOutput(PLATFORM_READY, 150_000);

    for (const district of Object.keys(CONTACTS) as Array<keyof typeof CONTACTS>) {
      const account = demoAccounts(50).find(
        (a) => a.district === district && a.userType === 'residential-pipeline' && a.status === 'active',
      )!;
      const clerk = await token({
        sub: `clerk-${district}`,
        name: 'Clerk',
        dept: 'gas-company',
        district,
        roles: ['clerk'],
      });
      const res = await checkedFetch(`${apiUrl()}/v1/gas-retrofit/households`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${clerk}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({
          district,
          accountRef: account.accountRef,
          userType: account.userType,
          channel: 'window',
          items: { valve: true, hoseLengthM: 2 },
          contact: CONTACTS[district],
        }),
      });
      assert.equal(res.status, 201, await res.clone().text());
      caseIds[district] = ((await res.json()) as { caseId: string }).caseId;
    }
    const healthClerk = await token({
      sub: 'hc-webui',
      name: 'Clerk',
      dept: 'health-commission',
      district: 'jinshui',
      roles: ['clerk'],
    });
    const childcareBody = { ...subsidyApplication(9901), staff: STAFF };
    const db = createDb(url, { poolMax: 1 });
    try {
      await prepareDepartments(createPostgresAdapters(db), childcareBody);
    } finally {
      await db.destroy();
    }
    const application = await checkedFetch(`${apiUrl()}/v1/childcare/applications`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${healthClerk}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(childcareBody),
    });
    assert.equal(application.status, 201, await application.clone().text());
    childcareCaseId = ((await application.json()) as { caseId: string }).caseId;
    // Through its department checks, where the credit platform reads the staff against its blacklist.
    await driveThroughDepartmentChecks(childcareCaseId, `Bearer ${healthClerk}`);
    const petitionClerk = await token({
      sub: 'po-webui',
      name: 'Clerk',
      dept: 'petition-office',
      district: 'jinshui',
      roles: ['clerk'],
    });
    const petition = await checkedFetch(`${apiUrl()}/v1/petitions`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${petitionClerk}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        petitionRef: `PII-${process.pid}`,
        channel: 'window',
        category: 'public-facilities',
        kind: 'report',
        district: 'jinshui',
        ...PETITION_POST,
      }),
    });
    assert.equal(petition.status, 201, await petition.clone().text());
    petitionCaseId = ((await petition.json()) as { caseId: string }).caseId;
    const supervisor = await supervisorToken();
    for (const caseId of Object.values(caseIds)) {
      await waitForStage(caseId, 'installation-scheduled', supervisor);
    }
  });

  after(async function () {
    if (platform?.child.exitCode === null) {
      platform.child.kill('SIGINT');
      await platform.exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
    await dropScratch?.();
  });

  const supervisorToken = () =>
    token({
      sub: 'sup-webui',
      name: 'Supervisor',
      dept: 'gas-safety-office',
      district: 'city',
      roles: ['supervisor'],
    });

  async function waitForStage(caseId: string, stage: string, bearer: string): Promise<void> {
    let seen = '';
    for (let attempt = 0; attempt < 150 && seen !== stage; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      const res = await checkedFetch(`${apiUrl()}/v1/gas-retrofit/households/${encodeURIComponent(caseId)}`, {
        headers: { Authorization: `Bearer ${bearer}` },
      });
      if (res.ok) seen = ((await res.json()) as { stage: string }).stage;
    }
    assert.equal(seen, stage, `${caseId} reached ${stage}`);
  }

  async function driveThroughDepartmentChecks(caseId: string, bearer: string): Promise<void> {
    const url = `${apiUrl()}/v1/childcare/applications/${encodeURIComponent(caseId)}`;
    const read = async () =>
      (await (await checkedFetch(url, { headers: { Authorization: bearer } })).json()) as {
        stage: string;
        openTask?: { kind: string };
        departmentChecks?: Array<{ passed: boolean }>;
      };
    const until = async (done: (s: Awaited<ReturnType<typeof read>>) => boolean) => {
      let seen = await read();
      for (let attempt = 0; attempt < 150 && !done(seen); attempt += 1) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        seen = await read();
      }
      assert.ok(done(seen), `${caseId} at ${seen.stage}`);
      return seen;
    };
    await until((s) => s.openTask?.kind === 'completeness');
    const complete = await checkedFetch(`${url}/actions/completeness`, {
      method: 'POST',
      headers: { Authorization: bearer, 'Content-Type': 'application/json' },
      body: JSON.stringify({ outcome: 'complete' }),
    });
    assert.equal(complete.status, 200, await complete.clone().text());
    const checked = await until((s) => s.stage === 'site-inspection');
    assert.ok(
      (checked.departmentChecks?.length ?? 0) > 0 && checked.departmentChecks!.every((c) => c.passed),
      'every department check ran and passed',
    );
  }

  it('a supervisor filters by district and stage, opens a case, reads its summary and decoded input', async function () {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const jinshuiCase = caseIds.jinshui!;
    const session = await openBrowser();
    const { page } = session;
    try {
      // Before signing in: the UI's codec calls are refused and the input stays ciphertext.
      const refused = page.waitForResponse(
        (res) => res.url().startsWith(`${codecUrl()}/decode`) && res.status() === 401,
      );
      await page.goto(`${uiUrl()}/namespaces/default/workflows/${encodeURIComponent(jinshuiCase)}`);
      await refused;
      await page.getByText('Results will appear upon completion').first().waitFor();
      await page.screenshot({ path: path.join(SCREENSHOTS, 'case-before-sign-in.png') });
      assert.equal(await page.getByText('"userType"').count(), 0);

      await signInToCodec(page, codecUrl(), await supervisorToken());
      await useCodecWithCredentials(page, uiUrl(), codecUrl());

      await listCases(
        page,
        uiUrl(),
        'OneThingDistrict = "jinshui" AND OneThingStage = "installation-scheduled"',
      );
      await page.getByRole('link', { name: jinshuiCase, exact: true }).waitFor();
      assert.equal(await page.getByRole('link', { name: caseIds.erqi!, exact: true }).count(), 0);
      await page.screenshot({ path: path.join(SCREENSHOTS, 'cases-jinshui-installation-scheduled.png') });

      await openCase(page, jinshuiCase);
      await page.getByText('"userType"').first().waitFor({ timeout: 30_000 });
      assert.ok(await page.getByText('"residential-pipeline"').first().isVisible());
      await page.getByText('User Metadata').first().click();
      await waitForTextInAnyFrame(page, /燃气自闭阀.*· 金水区 · 户号尾号\d{4}/);
      await waitForTextInAnyFrame(page, /阶段：待上门安装/);
      await page.screenshot({ path: path.join(SCREENSHOTS, 'case-summary-decoded.png'), fullPage: true });
      const shown = await Promise.all(page.frames().map((frame) => frame.locator('body').innerText()));
      for (const value of PERSONAL_DATA) {
        assert.ok(!shown.join('\n').includes(value), 'the UI shows no contact data');
      }
    } catch (error) {
      await page.screenshot({ path: path.join(SCREENSHOTS, 'failure.png'), fullPage: true });
      throw error;
    } finally {
      await session.close();
    }
  });

  it('raw histories, search attributes, memos and IDs hold no personal data; nor do the logs', async function () {
    // A client without the codec: what anyone with access to the Temporal service, but not the key, can read.
    const connection = await Connection.connect({ address: `127.0.0.1:${ports.temporal}` });
    try {
      const raw = new Client({ connection, namespace: 'default' });
      const stored: StoredRecord[] = [];
      const payloads: FoundPayload[] = [];
      let cases = 0;
      for await (const execution of raw.workflow.list({ query: 'OneThingProcess IS NOT NULL' })) {
        cases += 1;
        const handle = raw.workflow.getHandle(execution.workflowId, execution.runId);
        const history = await handle.fetchHistory();
        const { raw: description } = await handle.describe();
        payloads.push(...payloadsIn(history, 'history'), ...payloadsIn(description, 'description'));
        stored.push(
          { bytes: temporal.api.history.v1.History.encode(history).finish(), message: history },
          {
            bytes:
              temporal.api.workflowservice.v1.DescribeWorkflowExecutionResponse.encode(description).finish(),
            message: description,
          },
          { bytes: Buffer.from(execution.workflowId), message: {} },
        );
        for (const { key, value } of execution.typedSearchAttributes.getAll()) {
          if (key.type !== 'KEYWORD' || !key.name.startsWith('OneThing')) continue;
          if (key === SEARCH_ATTRIBUTES.campaign) {
            assert.match(String(value), CAMPAIGN_ID_PATTERN);
            continue;
          }
          assert.ok(
            CLOSED_VOCABULARY.has(String(value)),
            `${key.name} holds a value outside its codes: ${String(value).length} characters`,
          );
        }
      }
      assert.ok(cases >= 3, `histories read: ${cases}`);
      const everything = Buffer.concat(stored.map((record) => record.bytes));
      for (const caseId of [caseIds.jinshui!, petitionCaseId, childcareCaseId]) {
        assert.ok(everything.includes(Buffer.from(caseId)), `the scan does see ${caseId}`);
      }
      // Raw bytes and every payload decrypted with the platform's key: personal data is kept out of Temporal, not
      // only hidden by the cipher.
      await assertNoPersonalData(stored, PERSONAL_DATA, {
        sees: caseIds.jinshui!.split(':')[2]!,
        codec: new AesGcmPayloadCodec(loadConfig(env).payloadKeys),
      });

      // Patch markers hold a patch ID (a code) and nothing else.
      for (const marker of payloads.filter(isPatchMarker)) {
        const { id } = JSON.parse(Buffer.from(marker.payload.data ?? new Uint8Array()).toString('utf8')) as {
          id?: unknown;
        };
        assert.match(String(id), /^[a-z0-9-]+$/, `${marker.path} holds a patch ID only`);
      }
      // Every other payload but the indexed search attributes is encrypted.
      const unencrypted = payloads
        .filter((found) => !isReadableByDesign(found))
        .filter((found) => encodingOf(found.payload) !== ENCRYPTED_ENCODING);
      assert.deepEqual(
        unencrypted.map((found) => `${found.path}: ${encodingOf(found.payload)}`),
        [],
        'payloads stored unencrypted',
      );
    } finally {
      await connection.close();
    }

    const logDir = path.join(dataDir, 'logs');
    const logs = readdirSync(logDir).map((file) => readFileSync(path.join(logDir, file), 'utf8'));
    assert.ok(
      logs.length >= 3 && logs.join('').includes('onething-api'),
      'worker, API and server logs were read',
    );
    for (const value of PERSONAL_DATA) {
      assert.ok(!logs.some((log) => log.includes(value)), 'personal data in a log');
    }
  });
});
