/**
 * What every step of a policy case shares: the case (kit), its state and input, and the definition the kit opens
 * it with — decisions, rules, ladders, and how the case shows itself.
 */
import { openCase, type Case } from '../../../workflows/kit/case';
import { caseAttributes } from '../../../workflows/kit/case-attributes';
import { refuse, refuseInvalid } from '../../../workflows/kit/refusals';
import {
  POLICY_PAYOUT_ACTIONS,
  policyPayoutStateQuery,
  policyPayoutUpdates,
  type PolicyPayoutAction,
  type PolicyPayoutActionArgs,
  type PolicyPayoutCaseState,
  type PolicyPayoutInput,
  type PolicyPayoutStage,
} from './contract';
import { holderOf, payoutDetails } from './details';
import {
  ENTERPRISE_DECISIONS,
  ISSUER_DECISIONS,
  PAYOUT_DECISION_RULES,
  POLICY_LADDERS,
  POLICY_PAYOUT_RULES,
  type PolicyTaskKind,
} from './rules';

export type PayoutCase = Case<PolicyPayoutStage, PolicyPayoutAction, PolicyPayoutActionArgs, PolicyTaskKind>;

export interface Payout {
  input: PolicyPayoutInput;
  state: PolicyPayoutCaseState;
  theCase: PayoutCase;
}

const stated = (texts: string[] | undefined) => (texts ?? []).some((text) => text.trim().length > 0);

/** The case's own parties: its policy's issuer, its enterprise; then what each decision must carry. */
function validateArguments(
  action: PolicyPayoutAction,
  args: PolicyPayoutActionArgs[PolicyPayoutAction],
  state: PolicyPayoutCaseState,
): void {
  const issuer = state.policy.terms.issuer.department;
  if (ISSUER_DECISIONS.includes(action) && args.actor.department !== issuer) {
    refuse('forbidden', `${action}: only the policy's issuing department (${issuer}) decides this`);
  }
  if (ENTERPRISE_DECISIONS.includes(action) && args.actor.creditCode !== state.creditCode) {
    refuse('forbidden', `${action}: an enterprise acts for its own credit code only`);
  }
  if (action === 'completeness') {
    const { outcome, missing } = args as PolicyPayoutActionArgs['completeness'];
    if (outcome === 'return-for-correction' && !stated(missing)) {
      refuseInvalid(PAYOUT_DECISION_RULES.completeness[0]);
    }
  }
  if (action === 'review') {
    const { decision, reasons } = args as PolicyPayoutActionArgs['review'];
    if (decision === 'refuse' && !stated(reasons)) refuseInvalid(PAYOUT_DECISION_RULES.review[0]);
  }
  if (
    action === 'objection-review' &&
    !stated((args as PolicyPayoutActionArgs['objection-review']).reasons)
  ) {
    refuseInvalid(PAYOUT_DECISION_RULES['objection-review'][0]);
  }
  if (action === 'resubmit') {
    const { materials } = args as PolicyPayoutActionArgs['resubmit'];
    const missing = state.policy.terms.materials.filter((name) => !materials.includes(name));
    if (missing.length > 0) refuseInvalid(PAYOUT_DECISION_RULES.resubmit[0], missing.join(', '));
  }
}

export function openPayout(input: PolicyPayoutInput, state: PolicyPayoutCaseState): Payout {
  const theCase = openCase<
    PolicyPayoutCaseState,
    PolicyPayoutStage,
    PolicyPayoutAction,
    PolicyPayoutActionArgs,
    PolicyTaskKind
  >(
    {
      actions: POLICY_PAYOUT_ACTIONS,
      updates: policyPayoutUpdates,
      stateQuery: policyPayoutStateQuery,
      rules: POLICY_PAYOUT_RULES,
      ladders: POLICY_LADDERS,
      validate: validateArguments,
      publication: {
        attributes: (s) =>
          caseAttributes(s.openTask, holderOf(s), s.payment?.amountFen ?? s.judgment?.amountFen),
        details: payoutDetails,
        registry: (s) => ({
          caseId: s.caseId,
          process: s.process,
          district: s.district,
          details: {
            policyId: s.policy.policyId,
            version: s.policy.version,
            year: s.year,
            creditCode: s.creditCode,
            mode: s.mode,
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
