/**
 * Finance pays from the policy's budget through the kit's payment step: once under the case's key, never past the
 * budget (the database holds both). When the budget cannot pay the case, the policy's rule decides: refused
 * (first come), its share already counted (pro rata), or paid from next year's money on 1 January.
 */
import type { PolicyPayoutActivities } from '../activities/payouts';
import { BEIJING_OFFSET_MS, msUntil } from '../../../workflows/kit/clock';
import { attemptPayment, openPaymentIncident, paymentCalls } from '../../../workflows/kit/payments';
import type { Payout } from './case';
import { payingDepartment } from './details';
import { tellEnterprise } from './enterprise-wait';
import { POLICY_PAYMENT_ATTEMPTS } from './rules';

const { payPolicy } = paymentCalls<PolicyPayoutActivities>(POLICY_PAYMENT_ATTEMPTS)('财政拨付政策资金');

/** 00:00 Beijing time on 1 January of the year, as an instant. */
const newYearInBeijing = (year: number) => new Date(Date.UTC(year, 0, 1) - BEIJING_OFFSET_MS).toISOString();

export async function pay(payout: Payout): Promise<void> {
  const { state, theCase } = payout;
  const { terms } = state.policy;
  if (terms.amount.kind === 'none') {
    await theCase.enterStage('conferred');
    return tellEnterprise(payout, 'paid', { amountFen: 0 });
  }
  const paidBy = payingDepartment(state.policy);
  const order = {
    idempotencyKey: `${state.caseId}:payment`,
    caseId: state.caseId,
    policyId: state.policy.policyId,
    year: state.year,
    budgetYear: state.budgetYear,
    creditCode: state.creditCode,
    district: state.district,
    amountFen: state.judgment!.amountFen,
    whenBudgetRunsOut: terms.whenBudgetRunsOut,
    paidBy,
    issuerDepartment: terms.issuer.department,
  };
  const booking = await attemptPayment(() => theCase.call(payPolicy, order, 'tell-at-next-wait'));
  if (!booking.booked) {
    // Finance's task opens at the department that pays this policy.
    const financeCase = {
      enterStage: theCase.enterStage,
      openTask: (kind: 'payment-incident') => theCase.openTask(kind, { department: paidBy }),
    };
    return openPaymentIncident({ state, theCase: financeCase }, 'policy-payment', booking.message);
  }
  if (state.incident) {
    await theCase.closeTask('done');
    delete state.incident;
  }
  const result = booking.entry;
  if (result.outcome === 'paid') {
    const { paymentId, amountFen, budgetYear } = result;
    state.payment = { paymentId, amountFen, budgetYear, idempotencyKey: order.idempotencyKey, paidBy };
    await theCase.enterStage('paid');
    return tellEnterprise(payout, 'paid', { amountFen });
  }
  if (terms.whenBudgetRunsOut === 'next-year' && state.budgetYear === state.year) {
    state.budgetYear = state.year + 1;
    return theCase.enterStage('awaiting-next-budget');
  }
  state.outcome = { reason: `${result.budgetYear} 年度政策资金已用完（余 ${result.remainingFen} 分）` };
  await theCase.enterStage('budget-exhausted');
  await tellEnterprise(payout, 'refused', { reason: state.outcome.reason });
}

/** Waits for 1 January of the year whose budget will pay (no decision is taken meanwhile), then pays. */
export async function awaitNextBudget({ state, theCase }: Payout): Promise<void> {
  await theCase.anyArrival(msUntil(newYearInBeijing(state.budgetYear)), { summary: '等待下一年度政策资金' });
  await theCase.enterStage('payment');
}

/** Finance has put the cause right and pays again. */
export async function awaitIncidentResolution({ theCase }: Payout): Promise<void> {
  await theCase.decide(await theCase.nextDecision(), {
    'resolve-incident': () => theCase.enterStage('payment'),
  });
}
