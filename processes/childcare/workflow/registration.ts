/**
 * Payment of the construction subsidy (once, under its idempotency key, however often the call is retried), the
 * provider's entry in the childcare registry, and then, year after year, the quality evaluation and its reward.
 * Each evaluation year ends the run with continue-as-new, so the history stays small however long the provider runs.
 */
import type { ChildcareActivities } from '../activities/applications';
import { departmentCalls } from '../../../workflows/kit/activity-options';
import { inDays, msUntil, now } from '../../../workflows/kit/clock';
import { yearOf, type Application } from './application-case';
import { CHILDCARE_PAYMENT_ATTEMPTS, CHILDCARE_TIMINGS, QUALITY_REWARDS_FEN } from './rules';
import { PAYMENT_INCIDENT_PATCH } from './patches';
import { attemptPayment, openPaymentIncident, paymentCalls } from '../../../workflows/kit/payments';

const call = departmentCalls<ChildcareActivities>();
const { payChildcareSubsidy: payWithoutEnd } = call('区财政拨付建设补助');
const { payChildcareSubsidy } =
  paymentCalls<ChildcareActivities>(CHILDCARE_PAYMENT_ATTEMPTS)('区财政拨付建设补助');
const { registerChildcareProvider } = call('纳入托育机构名录');
const { payQualityReward: payRewardWithoutEnd } = call('质量评估奖补');
const { payQualityReward } = paymentCalls<ChildcareActivities>(CHILDCARE_PAYMENT_ATTEMPTS)('质量评估奖补');

export async function payAndRegister(application: Application): Promise<void> {
  const { state, theCase } = application;
  const amountFen = state.subsidy!.amount.amountFen;
  const idempotencyKey = `${state.caseId}:construction-subsidy`;
  const order = { caseId: state.caseId, district: state.district, amountFen, idempotencyKey };
  // Before the patch a failing payment was retried without end, unseen; since, it becomes a payment incident.
  const booking = theCase.hasPatch(PAYMENT_INCIDENT_PATCH)
    ? await attemptPayment(() => theCase.call(payChildcareSubsidy, order, 'tell-at-next-wait'))
    : { booked: true as const, entry: await theCase.call(payWithoutEnd, order) };
  if (!booking.booked) return openPaymentIncident(application, 'construction-subsidy', booking.message);
  if (state.incident) {
    await theCase.closeTask('done');
    delete state.incident;
  }
  state.payment = { amountFen, idempotencyKey, entryId: booking.entry.entryId };
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

/** District finance (or, once overdue, city finance) has the cause put right and pays again. */
export async function awaitIncidentResolution(application: Application): Promise<void> {
  const { state, theCase } = application;
  await theCase.decide(await theCase.nextDecision(), {
    'resolve-incident': async () => {
      const unpaid = state.incident?.party === 'quality-reward' ? state.quality?.unpaid : undefined;
      if (unpaid) await payReward(application, unpaid);
      else await theCase.enterStage('payment');
    },
  });
}

/** Waits for the year's evaluation (a task once it falls due), pays its reward; then the run may continue as new. */
export async function awaitQualityEvaluation(application: Application): Promise<void> {
  const { state, theCase } = application;
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
      const evaluation = {
        year: yearOf(now()),
        grade,
        rewardFen: QUALITY_REWARDS_FEN[grade],
        evaluatedBy: actor.userId,
      };
      if (!theCase.hasPatch(PAYMENT_INCIDENT_PATCH)) {
        const entry = await theCase.call(payRewardWithoutEnd, rewardOrder(state, evaluation));
        return recordEvaluation(application, evaluation, entry);
      }
      await theCase.closeTask('done');
      await payReward(application, evaluation);
    },
  });
}

type Evaluated = NonNullable<NonNullable<Application['state']['quality']>['unpaid']>;

const rewardOrder = (state: Application['state'], evaluation: Evaluated) => ({
  caseId: state.caseId,
  district: state.district,
  year: evaluation.year,
  grade: evaluation.grade,
  amountFen: evaluation.rewardFen,
  evaluatedBy: evaluation.evaluatedBy,
});

async function recordEvaluation(
  { state, theCase }: Application,
  { year, grade, rewardFen }: Evaluated,
  entry: { entryId: string } | null,
): Promise<void> {
  const quality = state.quality!;
  quality.evaluations.push({ year, grade, rewardFen, entryId: entry?.entryId ?? null });
  quality.nextDueAt = inDays(CHILDCARE_TIMINGS.qualityEvaluationIntervalDays);
  await theCase.closeTask('done');
}

/** The year's reward through the kit's payment step: paid and recorded, or kept unpaid in a payment incident. */
async function payReward(application: Application, evaluation: Evaluated): Promise<void> {
  const { state, theCase } = application;
  const booking = await attemptPayment(() =>
    theCase.call(payQualityReward, rewardOrder(state, evaluation), 'tell-at-next-wait'),
  );
  if (!booking.booked) {
    state.quality!.unpaid = evaluation;
    return openPaymentIncident(application, 'quality-reward', booking.message);
  }
  delete state.quality!.unpaid;
  delete state.incident;
  await recordEvaluation(application, evaluation, booking.entry);
  if (state.stage !== 'registered') await theCase.enterStage('registered');
}
