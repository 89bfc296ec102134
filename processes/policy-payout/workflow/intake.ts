/**
 * How a case comes to review: a 免申即享 offer the enterprise confirms (or declines, or lets lapse), or an
 * application checked for completeness and sent back for what is missing as often as needed (审核补缴漏, counted),
 * then judged on the departments' facts.
 */
import type { PolicyPayoutActivities } from '../activities/payouts';
import { departmentCalls } from '../../../workflows/kit/activity-options';
import { beijingDay, now } from '../../../workflows/kit/clock';
import type { Payout } from './case';
import { awaitEnterprise, startEnterpriseWait, tellEnterprise } from './enterprise-wait';
import { owed } from '../policy/amount';
import { declineBy, refuseCase } from './outcomes';
import { openReview } from './review';
import { POLICY_TIMINGS } from './rules';

const { judgeEnterprise } = departmentCalls<PolicyPayoutActivities>()('部门数据比对：按政策规则判定');

const issuerTask = ({ state }: Payout) => ({ department: state.policy.terms.issuer.department });

/** 免申即享: the round found the enterprise eligible; it is told, and has its working days to confirm. */
export async function makeOffer(payout: Payout): Promise<void> {
  const { state, theCase } = payout;
  await startEnterpriseWait(payout, state.policy.terms.confirmWorkingDays);
  await theCase.enterStage('awaiting-confirmation');
  await tellEnterprise(payout, 'policy-found', {
    amountFen: state.judgment?.amountFen ?? 0,
    dueAt: state.enterpriseDue!.due.dueAt,
  });
}

export async function awaitConfirmation(payout: Payout): Promise<void> {
  const { state, theCase } = payout;
  if (!(await awaitEnterprise(payout))) return;
  await theCase.decide(await theCase.nextDecision(), {
    confirm: async ({ account }) => {
      state.account = account;
      delete state.enterpriseDue;
      await openReview(payout);
    },
    decline: declineBy(payout),
  });
}

export async function openCompletenessCheck(payout: Payout): Promise<void> {
  await payout.theCase.enterStage('completeness-check');
  await payout.theCase.openTask('completeness', issuerTask(payout));
}

export async function awaitCompleteness(payout: Payout): Promise<void> {
  const { state, theCase } = payout;
  await theCase.decide(await theCase.nextDecision(), {
    completeness: async ({ outcome, missing }) => {
      await theCase.closeTask('done');
      if (outcome === 'complete') return judgeApplication(payout);
      state.corrections += 1;
      state.correction = { missing: missing ?? [], since: now() };
      await startEnterpriseWait(payout, POLICY_TIMINGS.correctionWorkingDays);
      await theCase.enterStage('awaiting-correction');
      await tellEnterprise(payout, 'correction-requested', { missing: (missing ?? []).join('、') });
    },
    decline: declineBy(payout),
  });
}

export async function awaitCorrection(payout: Payout): Promise<void> {
  const { state, theCase } = payout;
  if (!(await awaitEnterprise(payout))) return;
  await theCase.decide(await theCase.nextDecision(), {
    resubmit: async ({ materials, account }) => {
      state.materials = materials;
      state.account = account;
      delete state.correction;
      delete state.enterpriseDue;
      await openCompletenessCheck(payout);
    },
    decline: declineBy(payout),
  });
}

/** The complete application against the policy's rules, on what the departments hold today. */
async function judgeApplication(payout: Payout): Promise<void> {
  const { state, theCase } = payout;
  const judgment = await theCase.call(judgeEnterprise, {
    policy: state.policy,
    creditCode: state.creditCode,
    day: beijingDay(new Date(Date.now())),
  });
  if (judgment) state.judgment = judgment;
  const failed = judgment ? judgment.rules.filter((rule) => !rule.passed).map((rule) => rule.name) : [];
  if (!judgment) return refuseCase(payout, '市场监管部门无该企业登记信息');
  if (failed.length > 0) return refuseCase(payout, `不符合：${failed.join('、')}`);
  if (!owed(judgment, state.policy.terms.amount)) return refuseCase(payout, '按政策计算金额为零');
  await openReview(payout);
}
