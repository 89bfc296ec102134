import assert from 'node:assert/strict';
import { WorkflowUpdateFailedError } from '@temporalio/client';

/** The refusal type of a decision that an Update validator refused (the test fails if it was accepted). */
export async function refusal(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof WorkflowUpdateFailedError, String(error));
    return (error.cause as { type?: string } | undefined)?.type;
  }
  assert.fail('the decision was expected to be refused');
}
