/**
 * What every step of a petition shares: the case (kit), its state and input, and the definition the kit opens it
 * with — decisions, rules, supervised ladders, and how the case shows itself.
 */
import { patched } from '@temporalio/workflow';
import { openCase, type Case } from '../../../workflows/kit/case';
import { caseAttributes } from '../../../workflows/kit/case-attributes';
import { refuse, refuseInvalid } from '../../../workflows/kit/refusals';
import {
  PETITION_ACTIONS,
  petitionStateQuery,
  petitionUpdates,
  type PetitionAction,
  type PetitionActionArgs,
  type PetitionCaseState,
  type PetitionInput,
  type PetitionStage,
} from './contract';
import { PETITION_STAGE_HOLDERS, petitionDetails } from './details';
import { PETITION_PATCHES_BEFORE_BASELINE, REPORTS_NEVER_TO_THE_PRESS_PATCH } from './patches';
import { isPressAction, validatePressDecision } from './press-checks';
import {
  HANDLING_DEPARTMENTS,
  PETITION_DECISION_RULES,
  PETITION_LADDERS,
  PETITION_POLICY,
  PETITION_RULES,
  reportLadders,
  type PetitionTaskKind,
} from './rules';

export type PetitionCase = Case<PetitionStage, PetitionAction, PetitionActionArgs, PetitionTaskKind>;

export interface Petition {
  input: PetitionInput;
  state: PetitionCaseState;
  theCase: PetitionCase;
}

/** Beyond role, department, district and stage: the holder acts, and each decision carries what it needs. */
function validateArguments(
  action: PetitionAction,
  args: PetitionActionArgs[PetitionAction],
  state: PetitionCaseState,
): void {
  if (
    (action === 'accept' || action === 'transfer' || action === 'reply') &&
    args.actor.department !== state.department
  ) {
    refuse(
      'forbidden',
      `${action}: the petition is with ${state.department ?? 'nobody yet'}, not the caller's department`,
    );
  }
  if (action === 'transfer') {
    const { to, reason } = args as PetitionActionArgs['transfer'];
    if (!HANDLING_DEPARTMENTS.includes(to) || to === state.department) {
      refuseInvalid(PETITION_DECISION_RULES.transfer[0]);
    }
    if (!reason.trim()) refuseInvalid(PETITION_DECISION_RULES.transfer[1]);
  }
  if (action === 'decide-review' && state.stage === 'under-re-review') {
    if (args.actor.district !== 'city')
      refuse('forbidden', 'decide-review: a re-review (复核) is the city petition office’s');
    if (state.reviews?.some((review) => review.level === 'review' && review.by === args.actor.userId)) {
      refuse(
        'forbidden',
        'decide-review: whoever decided the review (复查) may not decide its re-review (复核)',
      );
    }
  }
  if (isPressAction(action)) validatePressDecision(action, state);
  if (action === 'extend') {
    const { workingDays, reason } = args as PetitionActionArgs['extend'];
    if (state.extension) refuse('wrongStage', 'extend: the reply deadline was extended once already');
    if (
      !Number.isInteger(workingDays) ||
      workingDays < 1 ||
      workingDays > PETITION_POLICY.maxExtensionWorkingDays
    ) {
      refuseInvalid(PETITION_DECISION_RULES.extend[0]);
    }
    if (!reason.trim()) refuseInvalid(PETITION_DECISION_RULES.extend[1]);
  }
}

type Ladders = typeof PETITION_LADDERS;
const REPORT_LADDERS = reportLadders(PETITION_LADDERS);

/**
 * A report's ladders stop short of the press desk on runs with the patch. Which a run has is asked the first time
 * its task desk reads a ladder (a task opening: a fixed point of the run), and only for reports, so no other
 * petition records a marker for it.
 */
function laddersFor(kind: PetitionInput['kind']): Ladders {
  if (kind !== 'report') return PETITION_LADDERS;
  let chosen: Ladders | undefined;
  const choose = () =>
    (chosen ??= patched(REPORTS_NEVER_TO_THE_PRESS_PATCH) ? REPORT_LADDERS : PETITION_LADDERS);
  const lazy = {} as Ladders;
  for (const taskKind of Object.keys(PETITION_LADDERS) as PetitionTaskKind[]) {
    Object.defineProperty(lazy, taskKind, { enumerable: true, get: () => choose()[taskKind] });
  }
  return lazy;
}

export function openPetition(input: PetitionInput, state: PetitionCaseState): Petition {
  const theCase = openCase<
    PetitionCaseState,
    PetitionStage,
    PetitionAction,
    PetitionActionArgs,
    PetitionTaskKind
  >(
    {
      actions: PETITION_ACTIONS,
      updates: petitionUpdates,
      stateQuery: petitionStateQuery,
      rules: PETITION_RULES,
      ladders: laddersFor(input.kind),
      validate: validateArguments,
      patchesBeforeBaseline: PETITION_PATCHES_BEFORE_BASELINE,
      publication: {
        attributes: (s) =>
          caseAttributes(s.openTask, s.department ?? PETITION_STAGE_HOLDERS[s.stage], undefined),
        details: petitionDetails,
        registry: (s) => ({
          caseId: s.caseId,
          process: s.process,
          district: s.district,
          details: {
            channel: s.channel,
            category: s.category,
            kind: s.kind,
            receivedAt: s.receivedAt,
            department: s.department ?? null,
            transfers: s.transfers.length,
            satisfied: s.rating?.satisfied ?? null,
            repliedAt: s.firstRepliedAt ?? null,
            completedAt: s.completedAt ?? null,
          },
        }),
      },
    },
    state,
  );
  return { input, state, theCase };
}
