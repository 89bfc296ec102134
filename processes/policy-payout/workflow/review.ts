/**
 * The issuing department's review (or none, where the policy says review is automatic), then the public notice of
 * the payee list (公示) for the policy's working days: an objection in that time opens a review of it.
 */
import type { PolicyPayoutActivities } from '../activities/payouts';
import { departmentCalls } from '../../../workflows/kit/activity-options';
import { msUntil } from '../../../workflows/kit/clock';
import { dueIn } from '../../../workflows/kit/deadlines';
import type { Payout } from './case';
import { declineBy, refuseCase } from './outcomes';

const { claimPolicyAmount } = departmentCalls<PolicyPayoutActivities>()('登记应兑现金额（按比例分配）');

export async function openReview(payout: Payout): Promise<void> {
  const { state, theCase } = payout;
  if (state.policy.terms.review === 'automatic') {
    state.review = { by: 'policy', decision: 'approve', automatic: true };
    return openNotice(payout);
  }
  await theCase.enterStage('department-review');
  await theCase.openTask('review', { department: state.policy.terms.issuer.department });
}

export async function awaitReview(payout: Payout): Promise<void> {
  const { state, theCase } = payout;
  await theCase.decide(await theCase.nextDecision(), {
    review: async ({ decision, reasons, actor }) => {
      await theCase.closeTask('done');
      state.review = { by: actor.userId, decision, automatic: false };
      if (decision === 'approve') return openNotice(payout);
      await refuseCase(payout, `审核不予通过：${(reasons ?? []).join('；')}`, actor.userId);
    },
    decline: declineBy(payout),
  });
}

/**
 * The payee list is published for the notice period, or the money moves at once where the policy sets no notice; a
 * pro-rata policy records the claim it shares among either way.
 */
async function openNotice(payout: Payout): Promise<void> {
  const { state, theCase } = payout;
  const { noticeWorkingDays } = state.policy.terms;
  // No patch: the catalogue refused a notice of 0 days until this branch existed, so no running case can take it.
  if (noticeWorkingDays > 0)
    state.notice = { due: await dueIn(noticeWorkingDays, 'working-days'), objections: [] };
  if (state.policy.terms.whenBudgetRunsOut === 'pro-rata' && state.judgment) {
    await theCase.call(claimPolicyAmount, {
      policyId: state.policy.policyId,
      year: state.year,
      creditCode: state.creditCode,
      amountFen: state.judgment.amountFen,
      caseId: state.caseId,
    });
  }
  await theCase.enterStage(state.notice ? 'public-notice' : 'payment');
}

export async function awaitNotice(payout: Payout): Promise<void> {
  const { state, theCase } = payout;
  const notice = state.notice!;
  if (!(await theCase.anyArrival(msUntil(notice.due.dueAt), { summary: '公示期' }))) {
    return theCase.enterStage('payment');
  }
  await theCase.decide(await theCase.nextDecision(), {
    objection: async ({ summary, actor }) => {
      notice.objections.push({ summary, by: actor.userId });
      await theCase.enterStage('objection-review');
      await theCase.openTask('objection-review', { department: state.policy.terms.issuer.department });
    },
    decline: declineBy(payout),
  });
}

export async function awaitObjectionReview(payout: Payout): Promise<void> {
  const { state, theCase } = payout;
  await theCase.decide(await theCase.nextDecision(), {
    'objection-review': async ({ finding, reasons, actor }) => {
      await theCase.closeTask('done');
      const objection = state.notice!.objections.at(-1)!;
      objection.finding = finding;
      if (finding === 'upheld') {
        return refuseCase(payout, `公示异议成立：${reasons.join('；')}`, actor.userId);
      }
      // Dismissed: the notice runs on to its end (no new period), or has ended and the money moves.
      await theCase.enterStage(msUntil(state.notice!.due.dueAt) > 0 ? 'public-notice' : 'payment');
    },
    decline: declineBy(payout),
  });
}
