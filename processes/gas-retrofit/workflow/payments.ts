/**
 * Payment of a settled case: each party's share is booked in its department's ledger under an idempotency key; payments that keep failing stop the case, visibly, in a
 * payment incident that district finance resolves by retrying or by reversing what was paid.
 */
import { ActivityFailure, proxyActivities } from '@temporalio/workflow';
import type { GasRetrofitActivities } from '../activities/households';
import { now } from '../../../workflows/kit/clock';
import { PARTIES, type Party } from './settlement';
import type { Household } from './household-case';
import { GAS_RETROFIT_LIMITS } from './rules';

// Payments retry a few times, then the case stops in a visible payment-incident for a finance clerk.
const payments = (summary: string) =>
  proxyActivities<GasRetrofitActivities>({
    summary,
    startToCloseTimeout: '30 seconds',
    retry: {
      initialInterval: '1 second',
      backoffCoefficient: 2,
      maximumInterval: '30 seconds',
      maximumAttempts: GAS_RETROFIT_LIMITS.paymentAttempts,
    },
  });
const { bookSettlementShare } = payments('记账拨付一方份额');
const { reverseSettlementShare } = payments('冲回一方份额');

const failureMessage = (error: ActivityFailure) => error.cause?.message ?? error.message;

async function paymentIncident({ state, theCase }: Household, party: Party, message: string): Promise<void> {
  state.incident = { party, message, since: now() };
  await theCase.enterStage('payment-incident');
  if (!state.openTask) await theCase.openTask('payment-incident');
}

export async function pay(household: Household): Promise<void> {
  const { state, theCase } = household;
  for (const party of PARTIES) {
    const amountFen = state.settlement!.totals[party];
    if (amountFen === 0 || state.payments!.some((p) => p.party === party)) continue;
    const idempotencyKey = `${state.caseId}:settlement:${party}`;
    try {
      const entry = await theCase.call(
        bookSettlementShare,
        { caseId: state.caseId, district: state.district, party, amountFen, idempotencyKey },
        'tell-at-next-wait',
      );
      state.payments!.push({ party, amountFen, idempotencyKey, entryId: entry.entryId, reversed: false });
    } catch (error) {
      if (!(error instanceof ActivityFailure)) throw error;
      return paymentIncident(household, party, failureMessage(error));
    }
  }
  await theCase.closeTask('done');
  delete state.incident;
  await theCase.enterStage(state.userType.startsWith('non-residential') ? 'calibration-watch' : 'closed');
}

/** Reverses every booking not yet reversed; a failed reversal keeps the case in the incident, never swallowed. */
async function compensate(household: Household): Promise<void> {
  const { state, theCase } = household;
  for (const payment of state.payments!.filter((p) => !p.reversed)) {
    try {
      await theCase.call(
        reverseSettlementShare,
        {
          party: payment.party,
          idempotencyKey: `${payment.idempotencyKey}:reversal`,
          reverses: payment.idempotencyKey,
        },
        'tell-at-next-wait',
      );
      payment.reversed = true;
    } catch (error) {
      if (!(error instanceof ActivityFailure)) throw error;
      return paymentIncident(household, payment.party, `reversal failed: ${failureMessage(error)}`);
    }
  }
  await theCase.closeTask('done');
  delete state.incident;
  await theCase.enterStage('settlement-reversed');
}

export async function awaitIncidentResolution(household: Household): Promise<void> {
  const { theCase } = household;
  await theCase.decide(await theCase.nextDecision(), {
    'resolve-incident': async ({ action }) => {
      if (action === 'retry') await theCase.enterStage('payment');
      else await compensate(household);
    },
  });
}
