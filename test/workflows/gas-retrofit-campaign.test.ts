import assert from 'node:assert/strict';
import { workflowMetadataQuery } from '@temporalio/workflow';
import { WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { createPostgresAdapters, type Adapters } from '../../activities/adapters';
import type { Db } from '../../activities/db/connection';
import { DECISION_REFUSALS } from '../../workflows/definitions';
import {
  gasRetrofitCampaignProgressQuery,
  gasRetrofitCampaignUpdates,
  gasRetrofitCampaignWorkflowId,
  gasRetrofitHouseholdWorkflowId,
  type GasRetrofitCampaignWorkflow,
  GAS_RETROFIT_WORKFLOW_TYPES,
} from '../../processes/gas-retrofit/workflow/contract';
import { openTestDb } from '../helpers/database';
import {
  runTestWorker,
  startTimeSkippingServer,
  uniqueTaskQueue,
  type RunningTestWorker,
} from '../helpers/temporal';
import { actors, ensureTeams } from './gas-retrofit-helpers';

const district = 'zhengdong' as const;
const officer = {
  userId: 'office-1',
  department: 'gas-safety-office' as const,
  district: 'city' as const,
  roles: ['supervisor' as const],
};

describe('gasRetrofitCampaign workflow (time-skipping server, Postgres adapters)', function () {
  this.timeout(120_000);
  let env: TestWorkflowEnvironment;
  let db: Db;
  let adapters: Adapters;
  let worker: RunningTestWorker;
  let taskQueue: string;
  const accounts = Array.from({ length: 25 }, (_, i) => `ZD-CAMP-${String(i + 1).padStart(4, '0')}`);

  before(async function () {
    env = await startTimeSkippingServer();
    db = openTestDb();
    adapters = createPostgresAdapters(db);
    taskQueue = uniqueTaskQueue('campaign');
    worker = await runTestWorker(env, taskQueue, adapters);
    await ensureTeams(adapters, district);
    await adapters.gasCompany.upsertAccounts([
      ...accounts.map((accountRef, i) => ({
        accountRef,
        district,
        userType: i % 5 === 0 ? ('residential-lpg' as const) : ('residential-pipeline' as const),
        status: 'active' as const,
        survey: {
          needsRetrofit: true,
          items: i % 5 === 0 ? { valve: false, hoseLengthM: 1.5 } : { valve: true, hoseLengthM: 2 },
        },
      })),
      // Not in the backlog: already done, and closed.
      {
        accountRef: 'ZD-CAMP-DONE',
        district,
        userType: 'residential-pipeline',
        status: 'active',
        survey: { needsRetrofit: false, items: { valve: true } },
      },
      { accountRef: 'ZD-CAMP-SHUT', district, userType: 'residential-pipeline', status: 'closed' },
    ]);
  });

  after(async function () {
    await worker?.stop();
    await env?.teardown();
    await db?.destroy();
  });

  /** Follows the chain of continue-as-new from the first run: how many runs the campaign took. */
  async function runsOf(client: Client, workflowId: string, firstRunId: string): Promise<number> {
    let runs = 0;
    for (let runId: string | undefined = firstRunId; runId; runs += 1) {
      const history = await client.workflow.getHandle(workflowId, runId).fetchHistory();
      runId =
        history.events?.at(-1)?.workflowExecutionContinuedAsNewEventAttributes?.newExecutionRunId ??
        undefined;
    }
    return runs;
  }

  const start = (campaignId: string, pageSize: number, householdsPerMinute: number) =>
    env.client.workflow.start<GasRetrofitCampaignWorkflow>(GAS_RETROFIT_WORKFLOW_TYPES.campaign, {
      workflowId: gasRetrofitCampaignWorkflowId(district, campaignId),
      taskQueue,
      args: [{ campaignId, district, startedBy: officer, householdsPerMinute, pageSize }],
    });

  it('starts one case per backlog account, page by page, continuing as new; a second campaign starts none twice', async function () {
    const first = await start('spring-2026', 1, 60);
    const progress = await first.result();
    assert.deepEqual(
      {
        started: progress.started,
        alreadyStarted: progress.alreadyStarted,
        pages: progress.pages,
        finished: progress.finished,
      },
      { started: 25, alreadyStarted: 0, pages: 25, finished: true },
    );
    // 25 pages at PAGES_PER_RUN (20) a run: the first run continued as new once, into the run that finished.
    assert.equal(await runsOf(env.client, first.workflowId, first.firstExecutionRunId), 2);
    for (const accountRef of [accounts[0]!, accounts[24]!]) {
      const description = await env.client.workflow
        .getHandle(gasRetrofitHouseholdWorkflowId(district, accountRef))
        .describe();
      assert.equal(description.type, 'gasRetrofitHousehold');
    }
    for (const skipped of ['ZD-CAMP-DONE', 'ZD-CAMP-SHUT']) {
      await assert.rejects(
        env.client.workflow.getHandle(gasRetrofitHouseholdWorkflowId(district, skipped)).describe(),
      );
    }
    const lpgCase = await env.client.workflow
      .getHandle(gasRetrofitHouseholdWorkflowId(district, accounts[0]!))
      .query('caseState');
    assert.deepEqual((lpgCase as { items: unknown }).items, { valve: false, hoseLengthM: 1.5 });

    const second = await start('autumn-2026', 10, 600);
    const again = await second.result();
    assert.equal(again.started, 0);
    assert.equal(again.alreadyStarted, 25);
  });

  it('pauses and resumes; only the gas-safety office or gas company may', async function () {
    const handle = await start('pause-test', 5, 1);
    await env.sleep('1 second');
    await assert.rejects(
      handle.executeUpdate(gasRetrofitCampaignUpdates.pause, {
        args: [{ actor: actors.installer(district) }],
      }),
      (error: unknown) =>
        error instanceof WorkflowUpdateFailedError &&
        (error.cause as { type?: string }).type === DECISION_REFUSALS.forbidden,
    );
    const paused = await handle.executeUpdate(gasRetrofitCampaignUpdates.pause, {
      args: [{ actor: officer }],
    });
    assert.equal(paused.paused, true);
    await assert.rejects(
      handle.executeUpdate(gasRetrofitCampaignUpdates.pause, { args: [{ actor: officer }] }),
      (error: unknown) =>
        error instanceof WorkflowUpdateFailedError &&
        (error.cause as { type?: string }).type === DECISION_REFUSALS.wrongStage,
      'a paused campaign cannot be paused again',
    );
    const details = (await handle.query(workflowMetadataQuery)).currentDetails ?? '';
    assert.match(details, /\*\*阶段\*\*：已暂停（paused）/);
    assert.match(details, /\*\*最近操作\*\*：pause · /);
    const before = (await handle.query(gasRetrofitCampaignProgressQuery)).pages;
    await env.sleep('2 hours');
    assert.equal(
      (await handle.query(gasRetrofitCampaignProgressQuery)).pages,
      before,
      'no page while paused',
    );
    await handle.executeUpdate(gasRetrofitCampaignUpdates.resume, { args: [{ actor: officer }] });
    const done = await handle.result();
    assert.equal(done.finished, true);
    assert.equal(done.lastDecision?.action, 'resume');
  });
});
