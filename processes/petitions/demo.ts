/**
 * The petitions' part of `npm run demo`: the city's routing table, a week of posts in the published category mix
 * (most accepted, many replied and rated), late window posts overdue at every rung of the ladder (the press desk
 * calls on one), and the week's index.
 */
import { SingleBar, Presets } from 'cli-progress';
import { DISTRICT_CODES, type Department } from '../../workflows/kit/vocabulary';
import { beijingWeekOf, weekBefore } from '../../workflows/kit/beijing-week';
import { DEMO_ROADS, demoContact, inLanes, pause, type DemoClient, type DemoLoader } from '../demo-kit';
import { PETITION_CATEGORIES, PETITION_KINDS, type PetitionCategory } from './workflow/contract';

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

interface DemoPost {
  n: number;
  receivedAt: number;
  late?: boolean;
}

/** Waits (briefly) for a late post's ladder to run up to the press desk's rung. */
async function reachedPress(client: DemoClient, auth: string, url: string): Promise<boolean> {
  for (let i = 0; i < 100; i += 1) {
    const task = (await client.call(auth, 'GET', url)).openTask as { escalationRung?: number } | undefined;
    if (task?.escalationRung === 4) return true;
    await pause(100);
  }
  return false;
}

/** A late post left overdue; past 25 days the press desk has called and says what the department answered. */
async function pressFollowUp(client: DemoClient, office: string, url: string, { receivedAt }: DemoPost) {
  if (Date.now() - receivedAt <= 25 * DAY_MS || !(await reachedPress(client, office, url))) return;
  const reporter = await client.token({
    sub: 'gg-demo',
    dept: 'public-supervision',
    district: 'city',
    roles: ['reporter'],
  });
  await client.call(reporter, 'POST', `${url}/actions/press-follow-up`, {
    answer: 'will-handle',
    account: '记者致电承办部门，对方表示三个工作日内处理并答复。',
  });
}

async function loadPetition(client: DemoClient, post: DemoPost): Promise<void> {
  const { n, receivedAt, late = false } = post;
  const district = DISTRICT_CODES[n % DISTRICT_CODES.length]!;
  const office = await client.token({
    sub: `po-${district}`,
    dept: 'petition-office',
    district,
    roles: ['clerk'],
  });
  const road = DEMO_ROADS[n % DEMO_ROADS.length];
  const started = await client.call(office, 'POST', '/v1/petitions', {
    petitionRef: `DEMO-${n}-${Math.floor(receivedAt / 1000)}`,
    channel: late ? 'window' : (['app', 'web', 'window', 'kiosk'] as const)[n % 4],
    category: late ? 'public-facilities' : CATEGORY_DECK[n % CATEGORY_DECK.length]!,
    kind: late ? 'consultation' : PETITION_KINDS[n % PETITION_KINDS.length],
    district,
    location: `${road}附近`,
    text: late ? '来访登记：路灯长期不亮，请尽快维修。' : `关于${road}的问题，希望尽快处理。`,
    contact: { name: demoContact(n).name, phone: demoContact(n).phone },
    receivedAt: new Date(receivedAt).toISOString(),
  });
  const url = `/v1/petitions/${encodeURIComponent(String(started.caseId))}`;
  if ((await client.waitForStage(office, url, ['awaiting-acceptance'])) === undefined) return;
  if (late) return pressFollowUp(client, office, url, post);
  const plan = n % 6;
  if (plan === 0) return;
  const department = String((await client.call(office, 'GET', url)).department) as Department;
  const holder = await client.token({
    sub: `h-${department}-${district}`,
    dept: department,
    district,
    roles: ['clerk'],
  });
  await client.call(holder, 'POST', `${url}/actions/accept`, {});
  if (plan === 1 || (await client.waitForStage(office, url, ['handling'])) === undefined) return;
  await client.call(holder, 'POST', `${url}/actions/reply`, { summaryRef: `DEMO-REPLY-${n}` });
  if (plan === 2 || (await client.waitForStage(office, url, ['replied'])) === undefined) return;
  await client.call(office, 'POST', `${url}/actions/rate`, { satisfied: plan !== 3 });
}

/** Posts spread over the last seven days, and late window posts typed in 10 to 29 days after the citizen came. */
function weekOfPosts(count: number): DemoPost[] {
  const now = Date.now();
  return [
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
}

export const loadPetitionDemo: DemoLoader = async (client, { petitions }) => {
  const city = await client.token({
    sub: 'po-sup-city',
    dept: 'petition-office',
    district: 'city',
    roles: ['supervisor'],
  });
  for (const district of DISTRICT_CODES) {
    for (const [category, department] of Object.entries(DEMO_ROUTES)) {
      await client.call(city, 'PUT', `/v1/petitions/routes/${district}/${category}`, { department });
    }
  }
  const posts = weekOfPosts(petitions);
  const bar = new SingleBar({ format: 'petitions  {bar} {value}/{total}' }, Presets.shades_classic);
  bar.start(posts.length, 0);
  await inLanes(posts, 6, async (post) => {
    await loadPetition(client, post);
    bar.increment();
  });
  bar.stop();
  const week = beijingWeekOf(new Date());
  await client.call(city, 'POST', '/v1/petitions/weekly-index/recompute', { week });
  await client.call(city, 'POST', '/v1/petitions/weekly-index/recompute', { week: weekBefore(new Date()) });
  return (
    `Loaded ${posts.length} petitions (a week of posts, and late window posts overdue at every rung); ` +
    `the index: GET /v1/petitions/weekly-index.svg?week=${week}\n` +
    `  overdue petitions by rung in the Web UI: OneThingProcess = "petition" AND OneThingOverdue = true`
  );
};
