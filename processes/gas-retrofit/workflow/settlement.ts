/**
 * Prices a household's retrofit and splits it between the four parties (docs/sources.md, gas-safety retrofit). Pure and
 * deterministic: the workflow runs it once, when settlement starts, and the API's quote runs the same code.
 *
 * Rounding rule (money is integer fen): each item's cost is split on its own. Every party first gets the
 * whole fen below its exact share (cost × weight ÷ 6, rounded down); the one to three fen left over go one each
 * to the parties with the largest remainders; equal remainders go first to city finance, then the gas company,
 * then district finance, then the resident — public payers absorb rounding before the resident does. The shares
 * of an item therefore always sum exactly to its cost, and each is within one fen of its exact value.
 */

import {
  PRICED_ITEMS,
  type PriceList,
  type PricedItem,
  type RetrofitItems,
} from '../../../workflows/kit/department-words';

export const PARTIES = ['cityFinance', 'districtFinance', 'gasCompany', 'resident'] as const;
export type Party = (typeof PARTIES)[number];
export type Shares = Record<Party, number>;

/** Tie-break order for the leftover fen. */
const ROUNDING_PRIORITY: readonly Party[] = ['cityFinance', 'gasCompany', 'districtFinance', 'resident'];

/** "各承担三分之一": city 1/3, district 1/6, gas company 1/3, resident 1/6 — in sixths. */
const RESIDENTIAL_SIXTHS: Shares = { cityFinance: 2, districtFinance: 1, gasCompany: 2, resident: 1 };
const USER_PAYS_ALL: Shares = { cityFinance: 0, districtFinance: 0, gasCompany: 0, resident: 6 };

export {
  PRICED_ITEMS,
  type PriceList,
  type PricedItem,
  type RetrofitItems,
} from '../../../workflows/kit/department-words';

/**
 * The published estimate (¥120 valve, ¥120 metal hose ≤ 3 m), used until a district's tender price exists.
 * *Assumption*: hose beyond 3 m is charged pro rata at ¥40 per metre (¥120 ÷ 3 m) until a tender sets it.
 * Non-residential alarms and shut-off valves have no published estimate: they need a tender price.
 */
export const ESTIMATE_PRICES: Required<Pick<PriceList, 'valve' | 'hose' | 'hoseExtraPerMetre'>> = {
  valve: 12_000,
  hose: 12_000,
  hoseExtraPerMetre: 4_000,
};

/** The metal hose price covers this length; the excess is the resident's alone. */
const HOSE_INCLUDED_DECIMETRES = 30;

export type SettlementUserType =
  'residential-pipeline' | 'residential-lpg' | 'non-residential-pipeline' | 'non-residential-lpg';
/** The user types whose retrofit is subsidised and settled between the four parties. */
export type ResidentialUserType = 'residential-pipeline' | 'residential-lpg';

/** A final settlement, or the tender prices it still waits for. */
export type TenderPricing =
  | { outcome: 'priced'; priceBasis: PriceBasis; settlement: Settlement }
  | { outcome: 'awaiting-tender-price'; missing: PricedItem[] };

type LineItem = 'valve' | 'hose' | 'hose-extra' | 'alarm' | 'shutoff-valve';

export interface SettlementLine {
  item: LineItem;
  /** What the price of the line rests on: a unit price, or a price per metre times decimetres ÷ 10. */
  unitPriceFen: number;
  quantity: string;
  costFen: number;
  shares: Shares;
}

export interface PriceBasis {
  basis: 'tender' | 'estimate' | 'mixed';
  /** Per item, whether its price came from the district's tender or the estimate. */
  sources: Partial<Record<PricedItem, 'tender' | 'estimate'>>;
  prices: PriceList;
  tenderRef: string | null;
}

export interface Settlement {
  lines: SettlementLine[];
  totals: Shares;
  totalFen: number;
}

export class SettlementRuleError extends Error {
  constructor(
    readonly field: string,
    readonly rule: string,
  ) {
    super(`${field}: ${rule}`);
    this.name = 'SettlementRuleError';
  }
}

const zeroShares = (): Shares => ({ cityFinance: 0, districtFinance: 0, gasCompany: 0, resident: 0 });

/** Splits one cost by weights in sixths, by the rounding rule above. */
export function splitBySixths(costFen: number, sixths: Shares): Shares {
  if (!Number.isSafeInteger(costFen) || costFen < 0)
    throw new SettlementRuleError('costFen', 'must be a whole number of fen ≥ 0');
  const shares = zeroShares();
  const remainders: Array<[Party, number]> = [];
  let allotted = 0;
  for (const party of PARTIES) {
    const numerator = costFen * sixths[party];
    shares[party] = Math.floor(numerator / 6);
    allotted += shares[party];
    remainders.push([party, numerator % 6]);
  }
  const order = remainders
    .filter(([, remainder]) => remainder > 0)
    .sort(([a, ra], [b, rb]) => rb - ra || ROUNDING_PRIORITY.indexOf(a) - ROUNDING_PRIORITY.indexOf(b));
  for (let left = costFen - allotted, i = 0; left > 0; left -= 1, i += 1) {
    const [party] = order[i]!;
    shares[party] += 1;
  }
  return shares;
}

/** Length in whole decimetres; refuses more than one decimal or a non-positive or implausible length. */
function hoseDecimetres(lengthM: number): number {
  const decimetres = Math.round(lengthM * 10);
  if (!Number.isFinite(lengthM) || Math.abs(decimetres - lengthM * 10) > 1e-9) {
    throw new SettlementRuleError('items.hoseLengthM', 'must have at most one decimal place');
  }
  if (decimetres <= 0 || decimetres > 200)
    throw new SettlementRuleError('items.hoseLengthM', 'must be between 0.1 and 20 metres');
  return decimetres;
}

function priceOf(prices: PriceList, item: PricedItem): number {
  const price = prices[item];
  if (price === undefined)
    throw new SettlementRuleError(`prices.${item}`, 'no tender price is set and there is no estimate');
  return price;
}

function line(
  item: LineItem,
  unitPriceFen: number,
  quantity: string,
  costFen: number,
  sixths: Shares,
): SettlementLine {
  return { item, unitPriceFen, quantity, costFen, shares: splitBySixths(costFen, sixths) };
}

/** The work each user type needs, checked against the items asked for. */
export function checkItems(
  userType: SettlementUserType | 'new-build-residential',
  items: RetrofitItems,
): void {
  const residential = userType === 'residential-pipeline' || userType === 'residential-lpg';
  if (userType === 'residential-lpg' && items.valve) {
    throw new SettlementRuleError(
      'items.valve',
      'bottled-LPG households get a metal hose only, no self-closing valve',
    );
  }
  if (userType === 'new-build-residential' && !items.valve) {
    throw new SettlementRuleError(
      'items.valve',
      'new-build homes all have a self-closing valve, fitted in construction (全部安装自闭阀, 纳入建安成本)',
    );
  }
  if (residential && !items.valve && items.hoseLengthM === undefined) {
    throw new SettlementRuleError('items', 'at least one of valve or hose is required');
  }
  if (items.metalHoseInPlace && residential) {
    throw new SettlementRuleError(
      'items.metalHoseInPlace',
      'only non-residential users list a metal hose in place',
    );
  }
  if (items.metalHoseInPlace && items.hoseLengthM !== undefined) {
    throw new SettlementRuleError('items.hoseLengthM', 'a hose in place is not fitted again');
  }
  if (!residential && items.hoseLengthM === undefined && !items.metalHoseInPlace) {
    throw new SettlementRuleError(
      'items.hoseLengthM',
      'a metal hose is mandatory for this user type: give the length to fit, or metalHoseInPlace when it is metal already',
    );
  }
  if (userType.startsWith('non-residential') && items.valve) {
    throw new SettlementRuleError(
      'items.valve',
      'non-residential users get a linked shut-off valve, not a self-closing valve',
    );
  }
  if (items.hoseLengthM !== undefined) hoseDecimetres(items.hoseLengthM);
}

/** The rule the items break, if any (for callers that refuse rather than throw). */
export function itemsProblem(
  userType: SettlementUserType | 'new-build-residential',
  items: RetrofitItems,
): SettlementRuleError | undefined {
  try {
    checkItems(userType, items);
    return undefined;
  } catch (error) {
    if (error instanceof SettlementRuleError) return error;
    throw error;
  }
}

/** Prices the items at the given prices and splits each line. New-build homes are never settled (no subsidy). */
export function computeSettlement(
  userType: SettlementUserType,
  items: RetrofitItems,
  prices: PriceList,
): Settlement {
  checkItems(userType, items);
  const residential = userType === 'residential-pipeline' || userType === 'residential-lpg';
  const sixths = residential ? RESIDENTIAL_SIXTHS : USER_PAYS_ALL;
  const lines: SettlementLine[] = [];
  if (!residential) {
    lines.push(line('alarm', priceOf(prices, 'alarm'), '1', priceOf(prices, 'alarm'), USER_PAYS_ALL));
    lines.push(
      line(
        'shutoff-valve',
        priceOf(prices, 'shutoffValve'),
        '1',
        priceOf(prices, 'shutoffValve'),
        USER_PAYS_ALL,
      ),
    );
  }
  if (items.valve) lines.push(line('valve', priceOf(prices, 'valve'), '1', priceOf(prices, 'valve'), sixths));
  if (items.hoseLengthM !== undefined) {
    const decimetres = hoseDecimetres(items.hoseLengthM);
    lines.push(line('hose', priceOf(prices, 'hose'), '1', priceOf(prices, 'hose'), sixths));
    const excess = decimetres - HOSE_INCLUDED_DECIMETRES;
    if (excess > 0) {
      const perMetre = priceOf(prices, 'hoseExtraPerMetre');
      // Half a fen and up rounds up: (price × decimetres + 5) ÷ 10, in integers.
      const cost = Math.floor((perMetre * excess + 5) / 10);
      lines.push(line('hose-extra', perMetre, `${(excess / 10).toFixed(1)} m`, cost, USER_PAYS_ALL));
    }
  }
  const totals = zeroShares();
  for (const { shares } of lines) for (const party of PARTIES) totals[party] += shares[party];
  return { lines, totals, totalFen: lines.reduce((sum, l) => sum + l.costFen, 0) };
}

/** The prices a residential settlement of these items needs (final settlement is at the tender price). */
export function pricesNeeded(items: RetrofitItems): PricedItem[] {
  const needed: PricedItem[] = [];
  if (items.valve) needed.push('valve');
  if (items.hoseLengthM !== undefined) {
    needed.push('hose');
    if (hoseDecimetres(items.hoseLengthM) > HOSE_INCLUDED_DECIMETRES) needed.push('hoseExtraPerMetre');
  }
  return needed;
}

/** A district's tender prices as the basis of a final settlement: every price from the tender. */
export function tenderPriceBasis(tender: PriceList, tenderRef: string | null): PriceBasis {
  const sources: PriceBasis['sources'] = {};
  for (const item of PRICED_ITEMS) if (tender[item] !== undefined) sources[item] = 'tender';
  return { basis: 'tender', sources, prices: { ...tender }, tenderRef };
}

/**
 * Overlays a district's tender prices on the estimate and says which each item rests on: the quote a window
 * clerk gives before the tender, and the basis of cases settled before settlement waited for the tender.
 */
export function resolvePriceBasis(tender: PriceList, tenderRef: string | null): PriceBasis {
  const prices: PriceList = { ...ESTIMATE_PRICES };
  const sources: PriceBasis['sources'] = {
    valve: 'estimate',
    hose: 'estimate',
    hoseExtraPerMetre: 'estimate',
  };
  for (const item of PRICED_ITEMS) {
    const price = tender[item];
    if (price !== undefined) {
      prices[item] = price;
      sources[item] = 'tender';
    }
  }
  const kinds = new Set(Object.values(sources));
  return {
    basis: kinds.size > 1 ? 'mixed' : kinds.has('tender') ? 'tender' : 'estimate',
    sources,
    prices,
    tenderRef,
  };
}
