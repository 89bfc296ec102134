import { ApplicationFailure, workflowInfo } from '@temporalio/workflow';
import { openPayout } from './case';
import {
  POLICY_PAYOUT_PROCESS_CODES,
  POLICY_PAYOUT_TERMINAL_STAGES,
  type PolicyPayoutCaseState,
  type PolicyPayoutInput,
} from './contract';
import {
  awaitCompleteness,
  awaitConfirmation,
  awaitCorrection,
  makeOffer,
  openCompletenessCheck,
} from './intake';
import { awaitIncidentResolution, awaitNextBudget, pay } from './payment';
import { awaitNotice, awaitObjectionReview, awaitReview } from './review';

function initialState(input: PolicyPayoutInput): PolicyPayoutCaseState {
  const automatic = input.policy.terms.mode === 'automatic';
  return {
    caseId: workflowInfo().workflowId,
    process: POLICY_PAYOUT_PROCESS_CODES.payout,
    district: input.district,
    stage: automatic ? 'awaiting-confirmation' : 'completeness-check',
    policy: input.policy,
    year: input.year,
    creditCode: input.creditCode,
    mode: automatic ? 'automatic' : 'application',
    ...(input.judgment ? { judgment: input.judgment } : {}),
    ...(input.materials ? { materials: input.materials } : {}),
    ...(input.account ? { account: input.account } : {}),
    corrections: 0,
    budgetYear: input.year,
  };
}

/**
 * One enterprise's money under one policy and year (亲清在线, docs/sources.md): a 免申即享 offer confirmed by the
 * enterprise, or an application checked for completeness (审核补缴漏) and judged on the departments' facts → the
 * issuing department's review (or none) → public notice, objections reviewed → finance pays once, within the
 * budget, or as the policy says when the budget has run out.
 */
export async function policyPayout(input: PolicyPayoutInput): Promise<PolicyPayoutCaseState> {
  const payout = openPayout(input, initialState(input));
  const { state, theCase } = payout;
  if (state.mode === 'automatic') await makeOffer(payout);
  else await openCompletenessCheck(payout);

  while (!POLICY_PAYOUT_TERMINAL_STAGES.includes(state.stage)) {
    switch (state.stage) {
      case 'awaiting-confirmation':
        await awaitConfirmation(payout);
        break;
      case 'completeness-check':
        await awaitCompleteness(payout);
        break;
      case 'awaiting-correction':
        await awaitCorrection(payout);
        break;
      case 'department-review':
        await awaitReview(payout);
        break;
      case 'public-notice':
        await awaitNotice(payout);
        break;
      case 'objection-review':
        await awaitObjectionReview(payout);
        break;
      case 'payment':
        await pay(payout);
        break;
      case 'awaiting-next-budget':
        await awaitNextBudget(payout);
        break;
      case 'payment-incident':
        await awaitIncidentResolution(payout);
        break;
      default:
        throw ApplicationFailure.nonRetryable(`no step for stage ${state.stage}`);
    }
  }
  await theCase.finish();
  return state;
}
