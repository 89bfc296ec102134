import { WorkflowNotFoundError, type WorkflowHandle } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { ConflictError } from './errors';

type UpdateTarget = Pick<WorkflowHandle, 'executeUpdate' | 'describe'>;

/**
 * Sends a decision to a case. The server answers "not found" both for a case that never existed and for one that
 * ended (or continued as new) while the decision was on its way, with wording that varies by the moment it hit;
 * the case's own description tells them apart, so a clerk racing the case's last step gets 409, not 404.
 */
export async function executeCaseUpdate<Ret, Arg, Name extends string>(
  handle: UpdateTarget,
  update: UpdateDefinition<Ret, [Arg], Name>,
  arg: Arg,
): Promise<Ret> {
  try {
    return await handle.executeUpdate(update, { args: [arg] });
  } catch (error) {
    if (!(error instanceof WorkflowNotFoundError)) throw error;
    const status = await caseStatus(handle);
    if (status === undefined) throw error;
    if (status === 'RUNNING') {
      throw new ConflictError(
        'the case moved on while the decision was on its way; read it and decide again',
      );
    }
    throw new ConflictError(
      `the case has ended (${status.toLowerCase()}); no further decisions are possible`,
    );
  }
}

async function caseStatus(handle: UpdateTarget): Promise<string | undefined> {
  try {
    return (await handle.describe()).status.name;
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return undefined;
    throw error;
  }
}
