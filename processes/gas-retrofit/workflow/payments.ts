/**
 * Payment of a settled case: each party's share is booked in its department's ledger under an idempotency key;
 * payments that keep failing stop the case in a payment incident (the kit's payments) that district finance
 * resolves by retrying or by reversing what was paid.
 */
import type { GasRetrofitActivities } from '../activities/households';
import { attemptPayment, openPaymentIncident, paymentCalls } from '../../../workflows/kit/payments';
import { PARTIES } from './settlement';
import type { Household } from './household-case';
import { GAS_RETROFIT_LIMITS } from './rules';

const payments = paymentCalls<GasRetrofitActivities>(GAS_RETROFIT_LIMITS.paymentAttempts);
const { bookSettlementShare } = payments('记账拨付一方份额');
const { reverseSettlementShare } = payments('冲回一方份额');

export async function pay(household: Household): Promise<void> {
  const { state, theCase } = household;
  for (const party of PARTIES) {
    const amountFen = state.settlement!.totals[party];
    if (amountFen === 0 || state.payments!.some((p) => p.party === party)) continue;
    const idempotencyKey = `${state.caseId}:settlement:${party}`;
    const booking = await attemptPayment(() =>
      theCase.call(
        bookSettlementShare,
        { caseId: state.caseId, district: state.district, party, amountFen, idempotencyKey },
        'tell-at-next-wait',
      ),
    );
    if (!booking.booked) return openPaymentIncident(household, party, booking.message);
    state.payments!.push({
      party,
      amountFen,
      idempotencyKey,
      entryId: booking.entry.entryId,
      reversed: false,
    });
  }
  await theCase.closeTask('done');
  delete state.incident;
  await theCase.enterStage(state.userType.startsWith('non-residential') ? 'calibration-watch' : 'closed');
}

/** Reverses every booking not yet reversed; a failed reversal keeps the case in the incident, never swallowed. */
async function compensate(household: Household): Promise<void> {
  const { state, theCase } = household;
  for (const payment of state.payments!.filter((p) => !p.reversed)) {
    const reversal = await attemptPayment(() =>
      theCase.call(
        reverseSettlementShare,
        {
          party: payment.party,
          idempotencyKey: `${payment.idempotencyKey}:reversal`,
          reverses: payment.idempotencyKey,
        },
        'tell-at-next-wait',
      ),
    );
    if (!reversal.booked) {
      return openPaymentIncident(household, payment.party, `reversal failed: ${reversal.message}`);
    }
    payment.reversed = true;
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
