/**
 * `npm run demo`: loads a realistic sample into a running platform (npm start) through its HTTP API, so the Web
 * UI shows a living campaign: a few hundred households across all eight districts and every user type, some
 * mid-way (installed, awaiting acceptance, missed visits with a grid-worker task, cancelled), some settled, and
 * one slow district campaign still starting cases; a dozen childcare applications; and a week of citizens'
 * petitions, some overdue at each rung of the supervision ladder, with the week's index computed.
 */
import { SingleBar, Presets } from 'cli-progress';
import { Command } from 'commander';
import { demoAccounts } from '../processes/gas-retrofit/demo-seed';
import { demoChildcareProviders } from '../processes/childcare/demo-seed';
import { signToken, type Claims } from '../api/auth';
import {
  DISTRICT_CODES,
  RETROFIT_DISTRICT_CODES,
  type Department,
  type District,
} from '../workflows/definitions';
import { beijingWeekOf, weekBefore } from '../workflows/kit/beijing-week';
import {
  PETITION_CATEGORIES,
  PETITION_KINDS,
  type PetitionCategory,
} from '../processes/petitions/workflow/contract';
import { loadConfig, refuseInProduction } from '../platform/config';

const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '赵',
  '黄',
  '周',
  '吴',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
];
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '秀英',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
];
const ROADS = [
  '花园路',
  '金水路',
  '农业路',
  '经三路',
  '大学路',
  '建设路',
  '中原路',
  '商都路',
  '郑汴路',
  '科学大道',
];

/** Made-up contacts (a deterministic mix of common names, roads and 138 numbers): never real people. */
function demoContact(n: number) {
  return {
    name: `${SURNAMES[n % SURNAMES.length]}${GIVEN[(n * 7) % GIVEN.length]}`,
    phone: `138${String(10_000_000 + ((n * 7919) % 89_999_999)).padStart(8, '0')}`,
    address: `${ROADS[n % ROADS.length]} ${1 + (n % 200)} 号 ${1 + (n % 6)} 单元 ${101 + (n % 18)}`,
  };
}

async function main(): Promise<void> {
  const options = new Command('demo')
    .description('Load a realistic sample into the running platform through its API')
    .option('--per-district <n>', 'households per district', (v) => Number.parseInt(v, 10), 40)
    .option('--petitions <n>', 'petitions in the week of posts', (v) => Number.parseInt(v, 10), 120)
    .parse()
    .opts<{ perDistrict: number; petitions: number }>();
  const config = loadConfig();
  refuseInProduction(config, 'npm run demo');
  const api = `http://${config.api.host}:${config.api.port}`;
  const health = await fetch(`${api}/healthz`).catch(() => undefined);
  if (!health?.ok) throw new Error(`the platform is not answering at ${api}: start it first with npm start`);

  const token = (claims: Omit<Claims, 'name'>) => signToken({ ...claims, name: 'Demo' }, config.jwt);
  const call = async (auth: string, method: string, path: string, body?: unknown) => {
    const res = await fetch(`${api}${path}`, {
      method,
      headers: { Authorization: `Bearer ${auth}`, 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!res.ok && res.status !== 409)
      throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as Record<string, unknown>;
  };
  // A decision is answered once recorded; its follow-on work (rebooking, the acceptance task) runs after.
  const waitForStage = async (auth: string, caseUrl: string, stages: string[]) => {
    for (let i = 0; i < 200; i += 1) {
      const state = await call(auth, 'GET', caseUrl);
      if (stages.includes(String(state.stage)) && !state.workingOn) return String(state.stage);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return undefined;
  };

  // Tender prices in half the districts, so the Web UI shows both price bases.
  for (const district of ['jinshui', 'erqi', 'zhengdong', 'gaoxin'] as District[]) {
    const finance = await token({
      sub: `fin-${district}`,
      dept: 'district-finance',
      district,
      roles: ['finance'],
    });
    await call(finance, 'PUT', `/v1/gas-retrofit/tender-prices/${district}`, {
      tenderRef: `ZZ-2026-${district.toUpperCase()}`,
      prices: { valve: 10_800, hose: 11_200, hoseExtraPerMetre: 3_600, alarm: 26_000, shutoffValve: 18_500 },
    });
  }

  const accounts = demoAccounts(200).filter((a) => a.status === 'active');
  const sample = RETROFIT_DISTRICT_CODES.flatMap((district) =>
    accounts.filter((a) => a.district === district).slice(0, options.perDistrict),
  );
  const bar = new SingleBar(
    { format: 'households {bar} {value}/{total} | {district} | {step}' },
    Presets.shades_classic,
  );
  bar.start(sample.length, 0, { district: '', step: '' });
  const loadOne = async (account: (typeof sample)[number], n: number): Promise<void> => {
    const district = account.district;
    const clerk = await token({ sub: `clerk-${district}`, dept: 'gas-company', district, roles: ['clerk'] });
    const installer = await token({
      sub: `fitter-${district}`,
      dept: 'installer',
      district,
      roles: ['installer'],
    });
    const residentialValve =
      account.userType === 'residential-pipeline' || account.userType === 'new-build-residential';
    const started = await call(clerk, 'POST', '/v1/gas-retrofit/households', {
      district,
      accountRef: account.accountRef,
      userType: account.userType,
      channel: (['app', 'web', 'window', 'kiosk'] as const)[n % 4],
      items: { valve: residentialValve, hoseLengthM: 1.5 + (n % 25) / 10 },
      contact: demoContact(n),
    });
    const caseUrl = `/v1/gas-retrofit/households/${encodeURIComponent(String(started.caseId))}`;
    // Leave the cases at different points of the process.
    const plan = n % 10;
    if (plan < 3 || account.userType === 'new-build-residential') {
      bar.increment(1, { district, step: 'awaiting installation' });
      return;
    }
    if ((await waitForStage(clerk, caseUrl, ['installation-scheduled'])) !== 'installation-scheduled') {
      bar.increment(1, { district, step: 'not scheduled' });
      return;
    }
    if (plan === 3) {
      await call(clerk, 'POST', `${caseUrl}/actions/cancel`, { reason: 'resident-withdrew' });
    } else if (plan === 4) {
      await call(installer, 'POST', `${caseUrl}/actions/record-miss`, { note: 'nobody home' });
      await waitForStage(clerk, caseUrl, ['installation-scheduled']);
      await call(installer, 'POST', `${caseUrl}/actions/record-miss`, { note: 'nobody home again' });
    } else {
      const serials: Record<string, string> = { hose: `MH-${account.accountRef}` };
      if (residentialValve) serials.valve = `ZV-${account.accountRef}`;
      if (account.userType.startsWith('non-residential'))
        Object.assign(serials, { alarm: `AL-${n}`, shutoffValve: `SV-${n}` });
      await call(installer, 'POST', `${caseUrl}/actions/report-installation`, { serials });
      if (plan >= 7 && (await waitForStage(clerk, caseUrl, ['acceptance'])) === 'acceptance') {
        await call(clerk, 'POST', `${caseUrl}/actions/acceptance`, { result: 'pass' });
      }
    }
    bar.increment(1, { district, step: 'done' });
  };
  // A few households at a time, as several clerks at several windows would.
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < sample.length) {
        const index = next++;
        await loadOne(sample[index]!, index + 1);
      }
    }),
  );
  bar.stop();

  // A living campaign: jinshui's backlog, a few households a minute.
  const office = await token({
    sub: 'office-demo',
    dept: 'gas-safety-office',
    district: 'city',
    roles: ['supervisor'],
  });
  const campaign = await call(office, 'POST', '/v1/gas-retrofit/campaigns', {
    district: 'jinshui',
    campaignId: 'demo-2026',
    householdsPerMinute: 6,
    pageSize: 10,
  });
  const applications = await loadChildcareApplications(token, call, waitForStage);
  const petitions = await loadPetitionWeek(token, call, waitForStage, options.petitions);
  process.stdout.write(
    `\nLoaded ${applications} childcare applications (some registered: see GET /v1/childcare/coverage.svg).\n` +
      `\nLoaded ${petitions.count} petitions (a week of posts, and late window posts overdue at every rung); ` +
      `the index: GET /v1/petitions/weekly-index.svg?week=${petitions.week}\n` +
      `  overdue petitions by rung in the Web UI: OneThingProcess = "petition" AND OneThingOverdue = true\n` +
      `\nLoaded ${sample.length} households across ${RETROFIT_DISTRICT_CODES.length} districts and started campaign ${String(campaign.campaignId)}.\n` +
      `Web UI: http://127.0.0.1:${config.devServerUiPort} — try the query  OneThingStage = "acceptance"\n`,
  );
}

type Token = (claims: Omit<Claims, 'name'>) => Promise<string>;
type Call = (auth: string, method: string, path: string, body?: unknown) => Promise<Record<string, unknown>>;
type WaitForStage = (auth: string, caseUrl: string, stages: string[]) => Promise<string | undefined>;

/**
 * A dozen childcare applications at different points: waiting for the completeness check, returned for correction,
 * at inspection, at each approval, and registered (paid). The departments' data was seeded by npm start.
 */
async function loadChildcareApplications(
  token: Token,
  call: Call,
  waitForStage: WaitForStage,
): Promise<number> {
  const providers = demoChildcareProviders();
  for (const [n, { provider, facts, staff }] of providers.entries()) {
    const district = provider.district;
    const health = (role: 'clerk' | 'inspector' | 'supervisor') =>
      token({ sub: `hc-${role}-${district}`, dept: 'health-commission', district, roles: [role] });
    const clerk = await health('clerk');
    const started = await call(clerk, 'POST', '/v1/childcare/applications', { provider, facts, staff });
    const url = `/v1/childcare/applications/${encodeURIComponent(String(started.caseId))}`;
    const step = async (auth: string, action: string, body: object, next: string[]) => {
      await call(auth, 'POST', `${url}/actions/${action}`, body);
      return (await waitForStage(clerk, url, next)) !== undefined;
    };
    const plan = n % 6;
    if (plan === 0 || (await waitForStage(clerk, url, ['completeness-check'])) === undefined) continue;
    if (plan === 1) {
      await call(clerk, 'POST', `${url}/actions/completeness`, {
        outcome: 'return-for-correction',
        missing: ['消防验收意见书复印件'],
      });
      continue;
    }
    if (!(await step(clerk, 'completeness', { outcome: 'complete' }, ['site-inspection', 'refused'])))
      continue;
    if (plan === 2) continue;
    const inspector = await health('inspector');
    if (
      !(await step(inspector, 'inspection', { result: 'pass', photosRef: `DEMO-PHOTOS-${n}` }, [
        'health-approval',
      ]))
    )
      continue;
    if (plan === 3) continue;
    if (
      !(await step(await health('supervisor'), 'health-approval', { decision: 'approve' }, [
        'finance-approval',
      ]))
    )
      continue;
    const finance = await token({
      sub: `fin-${district}`,
      dept: 'district-finance',
      district,
      roles: ['finance'],
    });
    await step(finance, 'finance-approval', { decision: 'approve' }, ['registered']);
  }
  return providers.length;
}

/** Who handles each category, in every district (the city petition office's routing table); `other` stays with it. */
const DEMO_ROUTES: Partial<Record<PetitionCategory, Department>> = {
  traffic: 'traffic-police',
  'public-facilities': 'urban-management',
  education: 'education',
  property: 'housing',
  environment: 'ecology-environment',
  heating: 'heating',
  'medical-social-security': 'human-resources',
};

/** The published week's category mix (70 / 56 / 43 / 38 / 21 / 16 / 11 / 13 of 268), as a repeating deck. */
const CATEGORY_DECK = PETITION_CATEGORIES.flatMap((category, i) =>
  Array<PetitionCategory>([70, 56, 43, 38, 21, 16, 11, 13][i]!).fill(category),
).filter((_, i) => i % 4 === 0);

const DAY_MS = 86_400_000;

/**
 * A week of petitions through the API: posts spread over the last seven days in the published category mix, most
 * accepted and many replied and rated; and late window posts, typed in 10 to 29 days after the citizen came, that
 * are overdue at every rung of the ladder (the press desk calls on one). Then the week's index is computed.
 */
async function loadPetitionWeek(
  token: Token,
  call: Call,
  waitForStage: WaitForStage,
  count: number,
): Promise<{ count: number; week: string }> {
  const city = await token({
    sub: 'po-sup-city',
    dept: 'petition-office',
    district: 'city',
    roles: ['supervisor'],
  });
  for (const district of DISTRICT_CODES) {
    for (const [category, department] of Object.entries(DEMO_ROUTES)) {
      await call(city, 'PUT', `/v1/petitions/routes/${district}/${category}`, { department });
    }
  }
  const now = Date.now();
  const posts = [
    ...Array.from({ length: count }, (_, n) => ({
      n,
      receivedAt: now - ((n * 7 * DAY_MS) / count + 60_000),
    })),
    ...[10, 14, 18, 22, 26, 29].map((days, i) => ({
      n: count + i,
      receivedAt: now - days * DAY_MS,
      late: true,
    })),
  ];
  const bar = new SingleBar({ format: 'petitions  {bar} {value}/{total}' }, Presets.shades_classic);
  bar.start(posts.length, 0);
  let next = 0;
  await Promise.all(
    Array.from({ length: 6 }, async () => {
      while (next < posts.length) {
        const post = posts[next++]!;
        await loadPetition(token, call, waitForStage, post);
        bar.increment();
      }
    }),
  );
  bar.stop();
  const week = beijingWeekOf(new Date());
  await call(city, 'POST', '/v1/petitions/weekly-index/recompute', { week });
  await call(city, 'POST', '/v1/petitions/weekly-index/recompute', { week: weekBefore(new Date()) });
  return { count: posts.length, week };
}

/** Waits (briefly) for a late post's ladder to run up to the press desk's rung. */
async function reachedPress(auth: string, call: Call, url: string): Promise<boolean> {
  for (let i = 0; i < 100; i += 1) {
    const task = (await call(auth, 'GET', url)).openTask as { escalationRung?: number } | undefined;
    if (task?.escalationRung === 4) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

async function loadPetition(
  token: Token,
  call: Call,
  waitForStage: WaitForStage,
  { n, receivedAt, late = false }: { n: number; receivedAt: number; late?: boolean },
): Promise<void> {
  const district = DISTRICT_CODES[n % DISTRICT_CODES.length]!;
  const office = await token({ sub: `po-${district}`, dept: 'petition-office', district, roles: ['clerk'] });
  const category = late ? 'public-facilities' : CATEGORY_DECK[n % CATEGORY_DECK.length]!;
  const started = await call(office, 'POST', '/v1/petitions', {
    petitionRef: `DEMO-${n}-${Math.floor(receivedAt / 1000)}`,
    channel: late ? 'window' : (['app', 'web', 'window', 'kiosk'] as const)[n % 4],
    category,
    kind: late ? 'consultation' : PETITION_KINDS[n % PETITION_KINDS.length],
    district,
    location: `${ROADS[n % ROADS.length]}附近`,
    text: late
      ? '来访登记：路灯长期不亮，请尽快维修。'
      : `关于${ROADS[n % ROADS.length]}的问题，希望尽快处理。`,
    contact: { name: demoContact(n).name, phone: demoContact(n).phone },
    receivedAt: new Date(receivedAt).toISOString(),
  });
  const url = `/v1/petitions/${encodeURIComponent(String(started.caseId))}`;
  if ((await waitForStage(office, url, ['awaiting-acceptance'])) === undefined) return;
  if (late) {
    if (Date.now() - receivedAt > 25 * DAY_MS && (await reachedPress(office, call, url))) {
      const reporter = await token({
        sub: 'gg-demo',
        dept: 'public-supervision',
        district: 'city',
        roles: ['reporter'],
      });
      await call(reporter, 'POST', `${url}/actions/press-follow-up`, {
        answer: 'will-handle',
        account: '记者致电承办部门，对方表示三个工作日内处理并答复。',
      });
    }
    return;
  }
  const plan = n % 6;
  if (plan === 0) return;
  const department = String((await call(office, 'GET', url)).department);
  const holder = await token({
    sub: `h-${department}-${district}`,
    dept: department as Department,
    district,
    roles: ['clerk'],
  });
  await call(holder, 'POST', `${url}/actions/accept`, {});
  if (plan === 1 || (await waitForStage(office, url, ['handling'])) === undefined) return;
  await call(holder, 'POST', `${url}/actions/reply`, { summaryRef: `DEMO-REPLY-${n}` });
  if (plan === 2 || (await waitForStage(office, url, ['replied'])) === undefined) return;
  await call(office, 'POST', `${url}/actions/rate`, { satisfied: plan !== 3 });
}

main().catch((error: Error) => {
  process.stderr.write(`demo failed: ${error.message}\n`);
  process.exit(1);
});
