/** Petitions in workflow tests: actors, the post kept by the petition office, a driver per case. */
import assert from 'node:assert/strict';
import type { Client } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Adapters } from '../../activities/adapters';
import {
  petitionStateQuery,
  petitionUpdates,
  type PetitionAction,
  type PetitionActionArgs,
  type PetitionCaseState,
  type PetitionCategory,
  type PetitionInput,
  type PetitionKind,
  type PetitionStage,
} from '../../processes/petitions/workflow/contract';
import { petitionCaseStart } from '../../processes/petitions/workflow/starts';
import type { Actor, Department, District } from '../../workflows/definitions';
import { ProcessCaseDriver } from '../helpers/case-driver';
import { closeOf } from '../helpers/fixed-calendar';
import type { HasClient } from './gas-retrofit-helpers';

export const petitionActors = {
  handler: (department: Department, district: District): Actor => ({
    userId: `h-${department}`,
    department,
    district,
    roles: ['clerk'],
  }),
  officeClerk: (district: District): Actor => ({
    userId: 'po-clerk',
    department: 'petition-office',
    district,
    roles: ['clerk'],
  }),
  officeSupervisor: (district: District | 'city'): Actor => ({
    userId: `po-sup-${district}`,
    department: 'petition-office',
    district,
    roles: ['supervisor'],
  }),
  reporter: (): Actor => ({
    userId: 'gg-1',
    department: 'public-supervision',
    district: 'city',
    roles: ['reporter'],
  }),
};

export class PetitionDriver extends ProcessCaseDriver<
  PetitionCaseState,
  PetitionStage,
  PetitionAction,
  PetitionActionArgs
> {
  constructor(client: Client, caseId: string) {
    super(client, caseId, petitionStateQuery, petitionUpdates);
  }
}

/** The routing the helpers' petitions rely on: public facilities in Jinshui go to urban management. */
export const routeStreetLightsToUrbanManagement = (adapters: Adapters) =>
  adapters.petitionOffice.setRoute({
    category: 'public-facilities',
    district: 'jinshui',
    department: 'urban-management',
    updatedBy: 'po-sup',
  });

let serial = 0;

/** A post kept by the petition office, its case started; `receivedAt` defaults to the server's now. */
export async function startPetition(
  env: HasClient & { currentTimeMs?: () => Promise<number> },
  adapters: Adapters,
  taskQueue: string,
  options: {
    kind?: PetitionKind;
    category?: PetitionCategory;
    district?: District;
    receivedAt?: string;
  } = {},
): Promise<PetitionDriver> {
  serial += 1;
  const receivedAt =
    options.receivedAt ?? new Date(await (env.currentTimeMs?.() ?? Date.now())).toISOString();
  const input: PetitionInput = {
    petitionRef: `WF-${process.pid}-${serial}`,
    channel: 'app',
    category: options.category ?? 'public-facilities',
    kind: options.kind ?? 'help',
    district: options.district ?? 'jinshui',
    receivedAt,
    startedBy: petitionActors.officeClerk(options.district ?? 'jinshui'),
  };
  const start = petitionCaseStart(input);
  await adapters.petitionOffice.savePetition({
    caseId: start.workflowId,
    text: '路灯不亮已经一周了',
    location: '金水区某路口',
    contact: { name: '测试市民', phone: '13900000000' },
    receivedAt,
  });
  await env.client.workflow.start(start.workflowType, {
    workflowId: start.workflowId,
    taskQueue,
    args: [start.input],
    typedSearchAttributes: start.typedSearchAttributes,
  });
  return new PetitionDriver(env.client, start.workflowId);
}

/** Who watches over the task (its holder on the first rung), district or city, and until when. */
export const watchOf = (s: PetitionCaseState, dueAt: string) => {
  const task = s.openTask!;
  const watcher = task.supervisedBy ?? task;
  return `${watcher.department}/${watcher.role}/${watcher.level} until ${dueAt}`;
};

/** A Friday, two weeks before National Day in the fixed year (test/helpers/fixed-calendar.ts). */
export const LADDER_RECEIVED_ON = '2037-09-18';

/**
 * A consultation received at 10:00 on LADDER_RECEIVED_ON and never accepted, worked out by hand. Acceptance: one
 * working day, the make-up Sunday 20th. Each rung after has two, counted from the missed deadline's close (that day
 * not counted): 22–23 Sep; 25 and 28 Sep; 30 Sep and, past National Day (1–7 Oct), Thursday 8 Oct; the make-up
 * Saturday 10 and Monday 12 Oct.
 */
export const CONSULTATION_LADDER_FROM_18_SEPTEMBER_2037 = [
  `urban-management/clerk/district until ${closeOf('2037-09-20')}`,
  `petition-office/clerk/district until ${closeOf('2037-09-23')}`,
  `petition-office/supervisor/district until ${closeOf('2037-09-28')}`,
  `petition-office/supervisor/city until ${closeOf('2037-10-08')}`,
  `public-supervision/reporter/city until ${closeOf('2037-10-12')}`,
];

/**
 * Walks the server's clock a day at a time from a consultation's receipt, noting each rung when it comes (see
 * petition.test.ts); `betweenDays` runs after each day's reading. No rung may be skipped; five end the walk.
 */
export async function climbLadder(
  server: TestWorkflowEnvironment,
  c: PetitionDriver,
  betweenDays: (day: number) => Promise<void>,
): Promise<string[]> {
  const first = await c.waitForStage('awaiting-acceptance', 60_000, (s) => !!s.openTask?.dueAt);
  const rungs = [watchOf(first, first.openTask!.dueAt)];
  for (let day = 0; day < 40 && rungs.length < 5; day += 1) {
    await server.sleep('1 day');
    const state = await c.waitForStage('awaiting-acceptance', 60_000, (s) => !s.workingOn);
    const task = state.openTask!;
    if (task.escalationRung > rungs.length - 1) {
      assert.equal(task.escalationRung, rungs.length, 'no rung is skipped');
      rungs.push(watchOf(state, task.dueAt));
    }
    await betweenDays(day);
  }
  return rungs;
}
