/**
 * What every step of a childcare application shares: the case (kit), its state and input, and the definition the
 * kit opens it with — decisions, rules, ladders and how the case shows itself.
 */
import { openCase, type Case } from '../../../workflows/kit/case';
import { caseAttributes } from '../../../workflows/kit/case-attributes';
import { beijingDay } from '../../../workflows/kit/clock';
import { refuse, refuseInvalid } from '../../../workflows/kit/refusals';
import {
  CHILDCARE_ACTIONS,
  childcareStateQuery,
  childcareUpdates,
  type ChildcareAction,
  type ChildcareActionArgs,
  type ChildcareApplicationInput,
  type ChildcareCaseState,
  type ChildcareStage,
} from './contract';
import { applicationDetails, CHILDCARE_STAGE_HOLDERS } from './details';
import {
  CHILDCARE_DECISION_RULES,
  CHILDCARE_LADDERS,
  CHILDCARE_RULES,
  type ChildcareTaskKind,
} from './rules';

export type ApplicationCase = Case<ChildcareStage, ChildcareAction, ChildcareActionArgs, ChildcareTaskKind>;

export interface Application {
  input: ChildcareApplicationInput;
  state: ChildcareCaseState;
  theCase: ApplicationCase;
}

/** Beijing time's calendar year (price ceilings and evaluations are per year). */
export const yearOf = (iso: string): number => Number(beijingDay(new Date(iso)).slice(0, 4));

/** What a decision must carry beyond who takes it and when. */
function validateArguments(
  action: ChildcareAction,
  args: ChildcareActionArgs[ChildcareAction],
  state: ChildcareCaseState,
): void {
  const reasonsGiven = (reasons: string[] | undefined) => (reasons ?? []).some((r) => r.trim().length > 0);
  if (action === 'completeness') {
    const { outcome, missing } = args as ChildcareActionArgs['completeness'];
    if (outcome === 'return-for-correction' && !reasonsGiven(missing)) {
      refuseInvalid(CHILDCARE_DECISION_RULES.completeness[0]);
    }
  }
  if (action === 'inspection') {
    const { result, reason } = args as ChildcareActionArgs['inspection'];
    if (result === 'fail' && !reason?.trim()) refuseInvalid(CHILDCARE_DECISION_RULES.inspection[0]);
  }
  if (action === 'health-approval' && state.inspection?.by === args.actor.userId) {
    refuse(
      'forbidden',
      'health-approval: whoever inspected the provider may not also approve it (separation of duties)',
    );
  }
  if (action === 'health-approval' || action === 'finance-approval') {
    const { decision, reasons } = args as ChildcareActionArgs['health-approval'];
    if (decision === 'refuse' && !reasonsGiven(reasons)) refuseInvalid(CHILDCARE_DECISION_RULES[action][0]);
  }
  if (action === 'staff-change') {
    const { changeId, reason } = args as ChildcareActionArgs['staff-change'];
    const [proposed, stated] = CHILDCARE_DECISION_RULES['staff-change'];
    if (!/^[0-9a-f-]{36}$/.test(changeId)) refuseInvalid(proposed);
    if (!reason.trim()) refuseInvalid(stated);
  }
  if (action === 'quality-evaluation') {
    const year = yearOf(new Date(Date.now()).toISOString());
    if (state.quality?.evaluations.some((e) => e.year === year)) {
      refuse('wrongStage', `quality-evaluation: the ${year} evaluation is recorded already (once a year)`);
    }
  }
}

export function openApplication(input: ChildcareApplicationInput, state: ChildcareCaseState): Application {
  const theCase = openCase<
    ChildcareCaseState,
    ChildcareStage,
    ChildcareAction,
    ChildcareActionArgs,
    ChildcareTaskKind
  >(
    {
      actions: CHILDCARE_ACTIONS,
      updates: childcareUpdates,
      stateQuery: childcareStateQuery,
      rules: CHILDCARE_RULES,
      ladders: CHILDCARE_LADDERS,
      validate: validateArguments,
      publication: {
        attributes: (s) =>
          caseAttributes(
            s.openTask,
            CHILDCARE_STAGE_HOLDERS[s.stage],
            s.payment?.amountFen ?? s.subsidy?.amount.amountFen,
          ),
        details: applicationDetails,
        registry: (s) => ({
          caseId: s.caseId,
          process: s.process,
          district: s.district,
          details: {
            creditCode: s.provider.creditCode,
            level: s.provider.level,
            kind: s.provider.kind,
            slots: s.facts.slots,
            corrections: s.corrections,
            amountFen: s.payment?.amountFen ?? null,
          },
        }),
      },
    },
    state,
  );
  return { input, state, theCase };
}
