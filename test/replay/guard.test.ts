/**
 * The replay guard itself: a history recorded from one version of a workflow fails to replay against an
 * incompatible change (DeterminismViolationError), and replays clean when the same change is behind patched().
 * This is why every change to OneThing's workflows goes behind patched() and the corpus replays in npm test.
 */
import assert from 'node:assert/strict';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, Worker } from '@temporalio/worker';
import { DeterminismViolationError } from '@temporalio/workflow';
import type { History } from '@temporalio/common/lib/proto-utils';
import { quietBundlerLogger, startTimeSkippingServer, uniqueTaskQueue } from '../helpers/temporal';

const bundleOf = (file: string) =>
  bundleWorkflowCode({ workflowsPath: require.resolve(file), logger: quietBundlerLogger });

describe('the replay guard', function () {
  this.timeout(120_000);
  let env: TestWorkflowEnvironment;
  let history: History;

  before(async function () {
    env = await startTimeSkippingServer();
    const taskQueue = uniqueTaskQueue('guard');
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle: await bundleOf('./guard/v1'),
    });
    const handle = await env.client.workflow.start('replayGuard', {
      taskQueue,
      workflowId: `replay-guard-${taskQueue}`,
    });
    await worker.runUntil(handle.result());
    history = await handle.fetchHistory();
  });

  after(() => env?.teardown());

  it('replays the recorded version clean', async function () {
    await Worker.runReplayHistory({ workflowBundle: await bundleOf('./guard/v1') }, history);
  });

  it('catches an incompatible change', async function () {
    await assert.rejects(
      Worker.runReplayHistory({ workflowBundle: await bundleOf('./guard/v2-unversioned') }, history),
      DeterminismViolationError,
    );
  });

  it('replays the same change clean behind patched()', async function () {
    await Worker.runReplayHistory({ workflowBundle: await bundleOf('./guard/v2-patched') }, history);
  });
});
