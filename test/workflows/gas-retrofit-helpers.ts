import assert from 'node:assert/strict';
import type { Client } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Adapters } from '../../activities/adapters';
import { createPostgresAdapters } from '../../activities/adapters';
import type { Db } from '../../activities/db/connection';
import { type Actor, type District } from '../../workflows/definitions';
import {
  GAS_RETROFIT_TERMINAL_STAGES,
  gasRetrofitHouseholdWorkflowId,
  gasRetrofitStateQuery,
  gasRetrofitUpdates,
  type GasRetrofitAction,
  type GasRetrofitActionArgs,
  type GasRetrofitCaseState,
  type GasRetrofitHouseholdWorkflow,
  type GasRetrofitStage,
  type GasUserType,
  type RetrofitItems,
  GAS_RETROFIT_WORKFLOW_TYPES,
} from '../../processes/gas-retrofit/workflow/contract';
import { ProcessCaseDriver } from '../helpers/case-driver';
import { uniqueAccountRef } from '../helpers/database';

export const actors = {
  clerk: (district: District): Actor => ({
    userId: 'clerk-1',
    department: 'gas-company',
    district,
    roles: ['clerk'],
  }),
  installer: (district: District): Actor => ({
    userId: 'fitter-7',
    department: 'installer',
    district,
    roles: ['installer'],
  }),
  gridWorker: (district: District): Actor => ({
    userId: 'grid-3',
    department: 'community',
    district,
    roles: ['grid-worker'],
  }),
  safetyOffice: (): Actor => ({
    userId: 'sup-1',
    department: 'gas-safety-office',
    district: 'city',
    roles: ['supervisor'],
  }),
  finance: (district: District): Actor => ({
    userId: 'fin-2',
    department: 'district-finance',
    district,
    roles: ['finance'],
  }),
};

/** Installer teams with room to spare, so tests never wait for capacity. */
export async function ensureTeams(adapters: Adapters, district: District): Promise<void> {
  await adapters.installer.upsertTeams([
    { teamId: `${district}-wf-test-team`, district, dailyCapacity: 10_000 },
  ]);
}

/** Tender prices at the level of the published estimate, so a settlement's shares read 80/40/80/40. */
export const ESTIMATE_LEVEL_TENDER = { valve: 12_000, hose: 12_000, hoseExtraPerMetre: 4_000 } as const;

/** Final settlement is at the tender price: a district whose cases are to settle needs one (kept if it has one). */
export async function ensureTenderPrices(adapters: Adapters, district: District): Promise<void> {
  if ((await adapters.districtFinance.currentTenderPrices(district)).tenderRef !== null) return;
  await adapters.districtFinance.setTenderPrices({
    district,
    prices: ESTIMATE_LEVEL_TENDER,
    tenderRef: `${district.toUpperCase()}-TEST-TENDER`,
    setBy: 'fin-test',
  });
}

export class CaseDriver extends ProcessCaseDriver<
  GasRetrofitCaseState,
  GasRetrofitStage,
  GasRetrofitAction,
  GasRetrofitActionArgs
> {
  constructor(client: Client, caseId: string) {
    super(client, caseId, gasRetrofitStateQuery, gasRetrofitUpdates);
  }

  override get handle() {
    return this.client.workflow.getHandle<GasRetrofitHouseholdWorkflow>(this.caseId);
  }
}

/** Anything with a client: a test environment, or a client of a server the test runs itself. */
export type HasClient = Pick<TestWorkflowEnvironment, 'client'>;

export async function startCase(
  env: HasClient,
  db: Db,
  taskQueue: string,
  options: {
    district?: District;
    userType?: GasUserType;
    items?: RetrofitItems;
    skipTeams?: boolean;
    /** Leave the district without tender prices (a case then waits for them at settlement). */
    skipTenderPrices?: boolean;
  } = {},
): Promise<CaseDriver> {
  const district = options.district ?? 'jinshui';
  const userType = options.userType ?? 'residential-pipeline';
  const accountRef = uniqueAccountRef('WF');
  const adapters = createPostgresAdapters(db);
  await adapters.gasCompany.upsertAccounts([{ accountRef, district, userType, status: 'active' }]);
  if (!options.skipTeams) await ensureTeams(adapters, district);
  if (!options.skipTenderPrices) await ensureTenderPrices(adapters, district);
  const workflowId = gasRetrofitHouseholdWorkflowId(district, accountRef);
  await env.client.workflow.start<GasRetrofitHouseholdWorkflow>(GAS_RETROFIT_WORKFLOW_TYPES.household, {
    workflowId,
    taskQueue,
    args: [
      {
        district,
        accountRef,
        userType,
        channel: 'window',
        startedBy: actors.clerk(district),
        items: options.items ?? { valve: true, hoseLengthM: 2 },
      },
    ],
  });
  return new CaseDriver(env.client, workflowId);
}

/**
 * Waits for the case to finish its retrofit, retrying any payment incident as the district's finance clerk would
 * (with department systems failing, a payment can run out of attempts). Returns the final state.
 */
export async function closeResolvingIncidents(c: CaseDriver): Promise<GasRetrofitCaseState> {
  for (;;) {
    const state = await c.state();
    // A terminal stage shows in a query a moment before the run completes: wait for the completion itself.
    if (GAS_RETROFIT_TERMINAL_STAGES.includes(state.stage)) return c.handle.result();
    if (state.stage === 'calibration-watch') return state;
    if (state.stage === 'payment-incident' && state.openTask && !state.workingOn) {
      await c.act('resolve-incident', { actor: actors.finance(state.district), action: 'retry' });
      continue;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Payment incidents a case went through (each retried by finance), from its recorded decisions. */
export const incidentsOf = (state: GasRetrofitCaseState) =>
  (state.decisions ?? []).filter((d) => d.action === 'resolve-incident').length;

/**
 * A Jinshui residential case run straight through: installed, accepted, settled at ¥240, paid, closed (payment
 * incidents retried by finance).
 */
export async function runClosedCase(
  env: HasClient,
  db: Db,
  taskQueue: string,
  /** How long booking may take: longer where faults make activities retry (a booking retries after 30 s). */
  bookingTimeoutMs?: number,
): Promise<string> {
  return (await runClosedCaseWithState(env, db, taskQueue, bookingTimeoutMs)).caseId;
}

export async function runClosedCaseWithState(
  env: HasClient,
  db: Db,
  taskQueue: string,
  bookingTimeoutMs?: number,
): Promise<GasRetrofitCaseState> {
  const c = await startCase(env, db, taskQueue);
  await c.waitForStage('installation-scheduled', bookingTimeoutMs);
  await c.act('report-installation', {
    actor: actors.installer('jinshui'),
    serials: { valve: 'V', hose: 'H' },
  });
  await c.act('acceptance', { actor: actors.clerk('jinshui'), result: 'pass' });
  const state = await closeResolvingIncidents(c);
  assert.equal(state.stage, 'closed', `${c.caseId} ended ${state.stage}`);
  return state;
}
