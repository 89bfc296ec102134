/**
 * The retrofit's part of `npm run demo`: tender prices in half the districts, households of every user type left at
 * different points (awaiting installation, missed visits with a grid-worker task, cancelled, awaiting acceptance,
 * settled), and one slow district campaign still starting cases.
 */
import { SingleBar, Presets } from 'cli-progress';
import { RETROFIT_DISTRICT_CODES, type District } from '../../workflows/kit/vocabulary';
import { demoContact, inLanes, type DemoClient, type DemoLoader } from '../demo-kit';
import { demoAccounts } from './demo-seed';

type DemoAccount = ReturnType<typeof demoAccounts>[number];

async function setTenderPrices(client: DemoClient): Promise<void> {
  for (const district of ['jinshui', 'erqi', 'zhengdong', 'gaoxin'] as District[]) {
    const finance = await client.token({
      sub: `fin-${district}`,
      dept: 'district-finance',
      district,
      roles: ['finance'],
    });
    await client.call(finance, 'PUT', `/v1/gas-retrofit/tender-prices/${district}`, {
      tenderRef: `ZZ-2026-${district.toUpperCase()}`,
      prices: { valve: 10_800, hose: 11_200, hoseExtraPerMetre: 3_600, alarm: 26_000, shutoffValve: 18_500 },
    });
  }
}

/** Takes one household as far as its plan says (n % 10), through the clerk and the installer; where it stopped. */
async function loadHousehold(client: DemoClient, account: DemoAccount, n: number): Promise<string> {
  const { district } = account;
  const clerk = await client.token({
    sub: `clerk-${district}`,
    dept: 'gas-company',
    district,
    roles: ['clerk'],
  });
  const installer = await client.token({
    sub: `fitter-${district}`,
    dept: 'installer',
    district,
    roles: ['installer'],
  });
  const residentialValve =
    account.userType === 'residential-pipeline' || account.userType === 'new-build-residential';
  const started = await client.call(clerk, 'POST', '/v1/gas-retrofit/households', {
    district,
    accountRef: account.accountRef,
    userType: account.userType,
    channel: (['app', 'web', 'window', 'kiosk'] as const)[n % 4],
    items: { valve: residentialValve, hoseLengthM: 1.5 + (n % 25) / 10 },
    contact: demoContact(n),
  });
  const caseUrl = `/v1/gas-retrofit/households/${encodeURIComponent(String(started.caseId))}`;
  const plan = n % 10;
  if (plan < 3 || account.userType === 'new-build-residential') return 'awaiting installation';
  if ((await client.waitForStage(clerk, caseUrl, ['installation-scheduled'])) !== 'installation-scheduled') {
    return 'not scheduled';
  }
  if (plan === 3) {
    await client.call(clerk, 'POST', `${caseUrl}/actions/cancel`, { reason: 'resident-withdrew' });
  } else if (plan === 4) {
    await client.call(installer, 'POST', `${caseUrl}/actions/record-miss`, { note: 'nobody home' });
    await client.waitForStage(clerk, caseUrl, ['installation-scheduled']);
    await client.call(installer, 'POST', `${caseUrl}/actions/record-miss`, { note: 'nobody home again' });
  } else {
    const serials: Record<string, string> = { hose: `MH-${account.accountRef}` };
    if (residentialValve) serials.valve = `ZV-${account.accountRef}`;
    if (account.userType.startsWith('non-residential'))
      Object.assign(serials, { alarm: `AL-${n}`, shutoffValve: `SV-${n}` });
    await client.call(installer, 'POST', `${caseUrl}/actions/report-installation`, { serials });
    if (plan >= 7 && (await client.waitForStage(clerk, caseUrl, ['acceptance'])) === 'acceptance') {
      await client.call(clerk, 'POST', `${caseUrl}/actions/acceptance`, { result: 'pass' });
    }
  }
  return 'done';
}

export const loadRetrofitDemo: DemoLoader = async (client, { perDistrict }) => {
  await setTenderPrices(client);
  const accounts = demoAccounts(200).filter((a) => a.status === 'active');
  const sample = RETROFIT_DISTRICT_CODES.flatMap((district) =>
    accounts.filter((a) => a.district === district).slice(0, perDistrict),
  );
  const bar = new SingleBar(
    { format: 'households {bar} {value}/{total} | {district} | {step}' },
    Presets.shades_classic,
  );
  bar.start(sample.length, 0, { district: '', step: '' });
  await inLanes(sample, 8, async (account, index) => {
    const step = await loadHousehold(client, account, index + 1);
    bar.increment(1, { district: account.district, step });
  });
  bar.stop();

  // A living campaign: jinshui's backlog, a few households a minute.
  const office = await client.token({
    sub: 'office-demo',
    dept: 'gas-safety-office',
    district: 'city',
    roles: ['supervisor'],
  });
  const campaign = await client.call(office, 'POST', '/v1/gas-retrofit/campaigns', {
    district: 'jinshui',
    campaignId: 'demo-2026',
    householdsPerMinute: 6,
    pageSize: 10,
  });
  return (
    `Loaded ${sample.length} households across ${RETROFIT_DISTRICT_CODES.length} districts and started campaign ` +
    `${String(campaign.campaignId)}; in the Web UI try the query  OneThingStage = "acceptance"`
  );
};
