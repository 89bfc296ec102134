/**
 * Gas-retrofit household cases on the main path, with the people's steps taken by an automated clerk and
 * installer as real ones would: the case is started through the API; the installer finds the visit in the
 * installer's own booking table and reports the installation through the API; the gas company's clerk finds the
 * acceptance in GET /v1/tasks and passes it through the API. One poller serves every case in flight, so the
 * driver's reads stay a few queries per tick whatever the concurrency.
 */
import { startOnce } from '../../platform/start-once';
import { householdCaseStart } from '../../processes/gas-retrofit/workflow/starts';
import type { GasAccount } from '../../activities/adapters/gas-company/port';
import type { District } from '../../workflows/kit/vocabulary';
import type { BenchStack } from '../stack';
import type { CaseRunner } from '../closed-loop';
import { startCasePoller, type WorkloadDriver } from './case-poller';

export const HOUSEHOLD_DISTRICT = 'jinshui' as const;
const DISTRICT = HOUSEHOLD_DISTRICT;
const ENDED = ['closed', 'cancelled', 'ineligible', 'settlement-reversed'];

interface InFlight {
  installed: boolean;
  accepted: boolean;
  done: (stage: string) => void;
  fail: (error: Error) => void;
}

export const householdAccountRef = (runTag: string, index: number) => `BENCH-${runTag}-${index}`;

/** A residential household as its case starts (what reaches Temporal: no personal data). */
function householdCaseInput(accountRef: string) {
  return {
    district: DISTRICT,
    accountRef,
    userType: 'residential-pipeline' as const,
    channel: 'app' as const,
    items: { valve: true, hoseLengthM: 2 },
  };
}

/** The API's start request: the case input and the household's (made-up) contact. */
export const householdStartBody = (accountRef: string) => ({
  ...householdCaseInput(accountRef),
  contact: { name: '测试用户', phone: '13900000000', address: '金水区测试路 1 号' },
});

/** Starts a household's case in-process with the raw client, as the API would after its checks. */
export const startHouseholdRaw = (stack: BenchStack, accountRef: string) =>
  startOnce(
    stack.client,
    stack.taskQueue,
    householdCaseStart({
      ...householdCaseInput(accountRef),
      startedBy: { userId: 'bench-clerk', department: 'gas-company', district: DISTRICT, roles: ['clerk'] },
    }),
  );

const tokens = new WeakMap<BenchStack, Map<District, Promise<{ clerk: string; installer: string }>>>();

/** A district's automated clerk's and installer's bearer tokens, signed once per stack. */
export function driverTokens(stack: BenchStack, district: District = DISTRICT) {
  const byDistrict = tokens.get(stack) ?? new Map<District, Promise<{ clerk: string; installer: string }>>();
  tokens.set(stack, byDistrict);
  let signed = byDistrict.get(district);
  if (!signed) {
    const bearer = async (sub: string, dept: 'gas-company' | 'installer', role: 'clerk' | 'installer') =>
      `Bearer ${await stack.token({ sub, name: sub, dept, district, roles: [role] })}`;
    signed = Promise.all([
      bearer('bench-clerk', 'gas-company', 'clerk'),
      bearer('bench-fitter', 'installer', 'installer'),
    ]).then(([clerk, installer]) => ({ clerk, installer }));
    byDistrict.set(district, signed);
  }
  return signed;
}

/** POSTs as the given caller; 409 (the case moved on between a read and this decision) is not an error. */
export async function postAs(stack: BenchStack, path: string, token: string, body: object) {
  const res = await fetch(`${stack.apiUrl}${path}`, {
    method: 'POST',
    headers: { Authorization: token, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const answer = (await res.json()) as Record<string, unknown>;
  if (!res.ok && res.status !== 409) throw new Error(`${path}: ${res.status} ${JSON.stringify(answer)}`);
  return { ok: res.ok, answer };
}

/** A decision on a household case through the API, as the given caller. */
export const decide = (stack: BenchStack, caseId: string, action: string, token: string, body: object) =>
  postAs(stack, `/v1/gas-retrofit/households/${encodeURIComponent(caseId)}/actions/${action}`, token, body);

export async function postAsClerk(stack: BenchStack, path: string, body: object) {
  return postAs(stack, path, (await driverTokens(stack)).clerk, body);
}

/** A district's accounts, an installer team with room for everyone, and the district's tender prices. */
export async function seedDistrict(
  stack: BenchStack,
  district: District,
  accounts: GasAccount[],
  tenderRef: string,
): Promise<void> {
  for (let i = 0; i < accounts.length; i += 1000)
    await stack.adapters.gasCompany.upsertAccounts(accounts.slice(i, i + 1000));
  await stack.adapters.installer.upsertTeams([
    { teamId: `bench-${district}`, district, dailyCapacity: 1_000_000 },
  ]);
  await stack.adapters.districtFinance.setTenderPrices({
    district,
    prices: { valve: 12_000, hose: 9_000, hoseExtraPerMetre: 3_000 },
    tenderRef,
    setBy: 'bench',
  });
}

export async function seedHouseholds(stack: BenchStack, runTag: string, count: number): Promise<void> {
  const accounts = Array.from({ length: count }, (_, i) => ({
    accountRef: householdAccountRef(runTag, i),
    district: DISTRICT,
    userType: 'residential-pipeline' as const,
    status: 'active' as const,
  }));
  await seedDistrict(stack, DISTRICT, accounts, 'BENCH-TENDER');
}

export async function householdDriver(stack: BenchStack, runTag: string): Promise<WorkloadDriver> {
  const { clerk, installer } = await driverTokens(stack);
  const inFlight = new Map<string, InFlight>();

  const act = (caseId: string, action: string, token: string, body: object) =>
    decide(stack, caseId, action, token, body);

  const tick = async () => {
    const ids = [...inFlight.keys()];
    if (ids.length === 0) return;
    const booked = await stack
      .db('installer.bookings')
      .whereIn('case_id', ids)
      .andWhere({ status: 'booked' })
      .pluck<string[]>('case_id');
    const tasks = (await (
      await fetch(`${stack.apiUrl}/v1/tasks`, { headers: { Authorization: clerk } })
    ).json()) as { tasks: Array<{ caseId: string; kind: string }> };
    const ended: Array<{ case_id: string; stage: string }> = await stack
      .db('onething.cases')
      .whereIn('case_id', ids)
      .whereIn('stage', ENDED)
      .select('case_id', 'stage');
    await Promise.all([
      ...booked
        .filter((caseId) => inFlight.get(caseId) && !inFlight.get(caseId)!.installed)
        .map(async (caseId) => {
          const serials = { valve: `V-${caseId}`, hose: `H-${caseId}` };
          if ((await act(caseId, 'report-installation', installer, { serials })).ok)
            inFlight.get(caseId)!.installed = true;
        }),
      ...tasks.tasks
        .filter((task) => task.kind === 'acceptance' && inFlight.get(task.caseId)?.accepted === false)
        .map(async ({ caseId }) => {
          if ((await act(caseId, 'acceptance', clerk, { result: 'pass' })).ok)
            inFlight.get(caseId)!.accepted = true;
        }),
    ]);
    for (const { case_id: caseId, stage } of ended) {
      inFlight.get(caseId)?.done(stage);
      inFlight.delete(caseId);
    }
  };

  const poller = startCasePoller(inFlight, tick);

  const runner: CaseRunner = async (index) => {
    poller.throwIfFailed();
    const { answer } = await postAs(
      stack,
      '/v1/gas-retrofit/households',
      clerk,
      householdStartBody(householdAccountRef(runTag, index)),
    );
    const caseId = answer.caseId as string;
    const stage = await new Promise<string>((done, fail) =>
      inFlight.set(caseId, { installed: false, accepted: false, done, fail }),
    );
    if (stage !== 'closed') throw new Error(`${caseId} ended ${stage}, not closed`);
    return caseId;
  };
  return {
    runner,
    stop: poller.stop,
  };
}
