/**
 * Payment of the construction subsidy (once, under its idempotency key, however often the call is retried), the
 * provider's entry in the childcare registry, and then, year after year, the quality evaluation and its reward.
 * Each evaluation year ends the run with continue-as-new, so the history stays small however long the provider runs.
 */
import type { ChildcareActivities } from '../activities/applications';
import { departmentCalls } from '../../../workflows/kit/activity-options';
import { inDays, msUntil, now } from '../../../workflows/kit/clock';
import { yearOf, type Application } from './application-case';
import { CHILDCARE_TIMINGS, QUALITY_REWARDS_FEN } from './rules';

const call = departmentCalls<ChildcareActivities>();
const { payChildcareSubsidy } = call('区财政拨付建设补助');
const { registerChildcareProvider } = call('纳入托育机构名录');
const { payQualityReward } = call('质量评估奖补');

export async function payAndRegister({ state, theCase }: Application): Promise<void> {
  const amountFen = state.subsidy!.amount.amountFen;
  const idempotencyKey = `${state.caseId}:construction-subsidy`;
  const entry = await theCase.call(payChildcareSubsidy, {
    caseId: state.caseId,
    district: state.district,
    amountFen,
    idempotencyKey,
  });
  state.payment = { amountFen, idempotencyKey, entryId: entry.entryId };
  state.registeredAt = now();
  await theCase.call(registerChildcareProvider, {
    caseId: state.caseId,
    creditCode: state.provider.creditCode,
    district: state.district,
    street: state.provider.street,
    community: state.provider.community,
    kind: state.provider.kind,
    level: state.provider.level,
    slots: state.facts.slots,
    registeredAt: state.registeredAt,
  });
  state.quality = { nextDueAt: inDays(CHILDCARE_TIMINGS.qualityEvaluationIntervalDays), evaluations: [] };
  await theCase.enterStage('registered');
}

/** Waits for the year's evaluation (a task once it falls due), pays its reward; then the run may continue as new. */
export async function awaitQualityEvaluation({ state, theCase }: Application): Promise<'continue-as-new'> {
  const quality = state.quality!;
  if (!state.openTask) {
    // An evaluation may be recorded before it falls due; any decision wakes the wait.
    const early = await theCase.anyArrival(msUntil(quality.nextDueAt), { summary: '年度质量评估到期' });
    if (!early) {
      await theCase.openTask('quality-evaluation');
      await theCase.enterStage('registered');
    }
  }
  await theCase.decide(await theCase.nextDecision(), {
    'quality-evaluation': async ({ grade, actor }) => {
      const year = yearOf(now());
      const rewardFen = QUALITY_REWARDS_FEN[grade];
      const entry = await theCase.call(payQualityReward, {
        caseId: state.caseId,
        district: state.district,
        year,
        grade,
        amountFen: rewardFen,
        evaluatedBy: actor.userId,
      });
      quality.evaluations.push({ year, grade, rewardFen, entryId: entry?.entryId ?? null });
      quality.nextDueAt = inDays(CHILDCARE_TIMINGS.qualityEvaluationIntervalDays);
      await theCase.closeTask('done');
    },
  });
  return 'continue-as-new';
}
