/**
 * The petition's loop: routed by the petition office's table, accepted (or transferred) by the department, replied
 * within the kind's limit (extended once by a supervisor), then rated by the petitioner through the petition office;
 * a dissatisfied rating reopens it once, to the same department. Deadlines count from when the citizen submitted,
 * in working days, and a missed one brings supervision rung by rung while the department keeps the task.
 */
import type { PetitionActivities } from '../activities/petition-office';
import { departmentCalls } from '../../../workflows/kit/activity-options';
import { now } from '../../../workflows/kit/clock';
import { dueIn } from '../../../workflows/kit/deadlines';
import type { PetitionActionArgs } from './contract';
import type { Petition } from './petition-case';
import { OVER_TRANSFERRED_TO_SUPERVISOR_PATCH } from './patches';
import { pressDesk } from './press-desk';
import { PETITION_LIMITS, PETITION_POLICY } from './rules';

const { routePetition } = departmentCalls<PetitionActivities>()('按责派单');

/**
 * Opens acceptance for the holder; a transferred petition's new holder gets the kind's period from the transfer.
 * A petition passed on too often is the petition office's supervisors' to place.
 */
async function openAcceptance(petition: Petition, from: string): Promise<void> {
  const { state, theCase } = petition;
  await theCase.enterStage('awaiting-acceptance');
  // Recorded in the case before the task shows, so no reader sees a task without its deadline.
  const due = await dueIn(PETITION_LIMITS[state.kind].acceptanceWorkingDays, 'working-days', from);
  state.deadlines.acceptance = due;
  const passedOnTooOften =
    state.transfers.length > PETITION_POLICY.maxTransfers &&
    theCase.hasPatch(OVER_TRANSFERRED_TO_SUPERVISOR_PATCH);
  await theCase.openTask('acceptance', {
    department: state.department!,
    due,
    ...(passedOnTooOften ? { role: 'supervisor' as const } : {}),
  });
}

async function openReply(petition: Petition, from: string, days: number): Promise<void> {
  const { state, theCase } = petition;
  await theCase.enterStage('handling');
  const due = await dueIn(days, 'working-days', from);
  state.deadlines.reply = due;
  await theCase.openTask('reply', { department: state.department!, due });
}

export async function route(petition: Petition): Promise<void> {
  const { state, theCase } = petition;
  await theCase.enterStage('routing');
  state.department = await theCase.call(routePetition, {
    category: state.category,
    district: state.district,
  });
  await openAcceptance(petition, state.receivedAt);
}

const superviseNote =
  ({ state }: Petition) =>
  ({ actor, noteRef }: PetitionActionArgs['supervise-note']): Promise<void> => {
    state.supervisionNotes.push({ by: actor.userId, department: actor.department, at: now(), noteRef });
    return Promise.resolve();
  };

const withdraw =
  ({ theCase }: Petition) =>
  async (): Promise<void> => {
    await theCase.closeTask('cancelled');
    await theCase.enterStage('withdrawn');
  };

export async function awaitAcceptance(petition: Petition): Promise<void> {
  const { state, theCase } = petition;
  await theCase.decide(await theCase.nextDecision(), {
    accept: async () => {
      await theCase.closeTask('done');
      await openReply(petition, state.receivedAt, PETITION_LIMITS[state.kind].replyWorkingDays);
    },
    transfer: async ({ actor, to, reason }) => {
      await theCase.closeTask('done');
      state.transfers.push({ from: state.department!, to, reason, by: actor.userId, at: now() });
      // Passed on too often: the petition office takes it itself rather than let it circle.
      state.department = state.transfers.length > PETITION_POLICY.maxTransfers ? 'petition-office' : to;
      await openAcceptance(petition, now());
    },
    'supervise-note': superviseNote(petition),
    withdraw: withdraw(petition),
    ...pressDesk(petition),
  });
}

export async function awaitReply(petition: Petition): Promise<void> {
  const { state, theCase } = petition;
  await theCase.decide(await theCase.nextDecision(), {
    reply: async ({ actor, summaryRef }) => {
      await theCase.closeTask('done');
      state.reply = { by: actor.userId, at: now(), summaryRef };
      state.firstRepliedAt ??= state.reply.at;
      await theCase.enterStage('replied');
      await theCase.openTask('rating');
    },
    extend: async ({ actor, reason, workingDays }) => {
      state.extension = { reason, by: actor.userId, workingDays };
      // The same task, with its deadline moved on from where it was.
      const from = state.deadlines.reply!.dueAt;
      await theCase.closeTask('cancelled');
      await openReply(petition, from, workingDays);
    },
    'supervise-note': superviseNote(petition),
    withdraw: withdraw(petition),
    ...pressDesk(petition),
  });
}

export async function awaitRating(petition: Petition): Promise<void> {
  const { state, theCase } = petition;
  await theCase.decide(await theCase.nextDecision(), {
    rate: async ({ satisfied }) => {
      await theCase.closeTask('done');
      state.rating = { satisfied, at: now() };
      if (satisfied || state.reopened) {
        state.completedAt = state.rating.at;
        return theCase.enterStage('completed');
      }
      // Dissatisfied: once, back to the same department, its reply period counted afresh, supervised as before.
      state.reopened = true;
      delete state.reply;
      await openReply(petition, now(), PETITION_LIMITS[state.kind].replyWorkingDays);
    },
    ...pressDesk(petition),
  });
}
