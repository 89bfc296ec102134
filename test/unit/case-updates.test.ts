import assert from 'node:assert/strict';
import { WorkflowNotFoundError, type WorkflowExecutionDescription } from '@temporalio/client';
import { defineUpdate } from '@temporalio/workflow';
import { executeCaseUpdate } from '../../api/case-updates';
import { ConflictError } from '../../api/errors';

const decide = defineUpdate<{ stage: string }, [{ note: string }]>('decide');
const CASE_ID = 'gas-retrofit:erqi:EQ-1';

/** A case handle whose Update the server refused as "not found", and whose description says `status`. */
function handleWhoseUpdateIsNotFound(status: string | undefined) {
  return {
    executeUpdate: () => Promise.reject(new WorkflowNotFoundError('update not found', CASE_ID, undefined)),
    describe: () =>
      status === undefined
        ? Promise.reject(new WorkflowNotFoundError('workflow not found', CASE_ID, undefined))
        : Promise.resolve({ status: { name: status } } as unknown as WorkflowExecutionDescription),
  };
}

describe('a decision that reaches a case just as it ends (API)', function () {
  it('passes the case’s answer through when the Update lands', async function () {
    const handle = {
      executeUpdate: () => Promise.resolve({ stage: 'acceptance' }),
      describe: () => Promise.reject(new Error('no need to describe a case that answered')),
    };
    assert.deepEqual(await executeCaseUpdate(handle, decide, { note: 'x' }), { stage: 'acceptance' });
  });

  it('a case that ended while the decision was on its way is a conflict that says it ended, not a 404', async function () {
    await assert.rejects(
      executeCaseUpdate(handleWhoseUpdateIsNotFound('COMPLETED'), decide, { note: 'x' }),
      (error: unknown) =>
        error instanceof ConflictError && /the case has ended \(completed\)/.test(error.message),
    );
  });

  it('a case that continued as new meanwhile is a conflict that asks to read it and decide again', async function () {
    await assert.rejects(
      executeCaseUpdate(handleWhoseUpdateIsNotFound('RUNNING'), decide, { note: 'x' }),
      (error: unknown) => error instanceof ConflictError && /read it and decide again/.test(error.message),
    );
  });

  it('a case that does not exist stays not found', async function () {
    await assert.rejects(
      executeCaseUpdate(handleWhoseUpdateIsNotFound(undefined), decide, { note: 'x' }),
      WorkflowNotFoundError,
    );
  });
});
