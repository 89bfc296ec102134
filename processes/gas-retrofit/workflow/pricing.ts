/**
 * Settlement at the tender price (最终以招标价格结算): a residential case is priced once, at its district's tender
 * prices. Where the district's finance bureau has set none yet for an item the case needs, the case waits at
 * `awaiting-tender-price`, with a task for that bureau that escalates like any other. Setting the district's
 * prices wakes every waiting case (the API signals them); a daily look covers a signal that never came.
 */
import { ApplicationFailure, proxyActivities } from '@temporalio/workflow';
import type { GasRetrofitActivities } from '../activities/households';
import { departmentCalls } from '../../../workflows/kit/activity-options';
import { now } from '../../../workflows/kit/clock';
import { ACTIVITY_FAILURES } from './contract';
import { SETTLE_AT_TENDER_PATCH, type Household } from './household-case';
import { GAS_RETROFIT_TIMINGS } from './rules';
import type { PriceBasis, ResidentialUserType, RetrofitItems, Settlement } from './settlement';

const { priceAtTenderPrices } = departmentCalls<GasRetrofitActivities>()('按区招标价计价并分摊');

const RECHECK_MS = GAS_RETROFIT_TIMINGS.tenderPriceRecheckHours * 60 * 60 * 1000;

function itemsOf({ state }: Household): RetrofitItems {
  if (!state.items)
    throw ApplicationFailure.nonRetryable(
      'items are required to settle a retrofit',
      ACTIVITY_FAILURES.settlementRule,
    );
  return state.items;
}

/** Stage `settlement`: priced at once where the district has its tender prices, else waiting for them. */
export async function settle(household: Household): Promise<void> {
  if (!household.theCase.hasPatch(SETTLE_AT_TENDER_PATCH)) return settleAsBeforeTenderOnly(household);
  await priceAtTender(household);
}

/** Stage `awaiting-tender-price`: looks again (at once, then when woken or daily) until the case is priced. */
export async function awaitTenderPrice(household: Household): Promise<void> {
  household.tenderPricesSet = false;
  await priceAtTender(household);
  if (household.state.stage !== 'awaiting-tender-price') return;
  await household.theCase.awaitOutside(() => household.tenderPricesSet, RECHECK_MS);
}

async function priceAtTender(household: Household): Promise<void> {
  const { state, theCase } = household;
  const priced = await theCase.call(priceAtTenderPrices, {
    district: state.district,
    userType: state.userType as ResidentialUserType,
    items: itemsOf(household),
  });
  if (priced.outcome === 'priced') {
    state.priceBasis = priced.priceBasis;
    state.settlement = priced.settlement;
    state.payments = [];
    delete state.tenderWait;
    await theCase.closeTask('done');
    return theCase.enterStage('payment');
  }
  state.tenderWait = { missing: priced.missing, since: state.tenderWait?.since ?? now() };
  if (state.stage === 'awaiting-tender-price') return;
  await theCase.enterStage('awaiting-tender-price');
  await theCase.openTask('tender-price');
}

// Cases recorded before SETTLE_AT_TENDER_PATCH were priced at the estimate where the district had no tender.
const { priceGasRetrofit } = proxyActivities<{
  priceGasRetrofit(request: {
    district: Household['state']['district'];
    userType: Exclude<Household['state']['userType'], 'new-build-residential'>;
    items: RetrofitItems;
  }): Promise<{ priceBasis: PriceBasis; settlement: Settlement }>;
}>({
  summary: '按区招标价（无则估算价）计价并分摊',
  startToCloseTimeout: '30 seconds',
  retry: {
    initialInterval: '5 seconds',
    backoffCoefficient: 2,
    maximumInterval: '1 hour',
    nonRetryableErrorTypes: [ACTIVITY_FAILURES.settlementRule],
  },
});

async function settleAsBeforeTenderOnly(household: Household): Promise<void> {
  const { state, theCase } = household;
  const priced = await priceGasRetrofit({
    district: state.district,
    userType: state.userType as Exclude<typeof state.userType, 'new-build-residential'>,
    items: itemsOf(household),
  });
  state.priceBasis = priced.priceBasis;
  state.settlement = priced.settlement;
  state.payments = [];
  await theCase.enterStage('payment');
}
