import type { District } from '../../../workflows/definitions';
import type { PriceList, PricedItem } from '../../../workflows/kit/department-words';
import type { LedgerPort } from '../ledger/port';

export interface TenderPrices {
  district: District;
  prices: PriceList;
  /** The tender reference of the newest price set, or null when no tender price exists yet. */
  tenderRef: string | null;
}

export interface SetTenderPrices {
  district: District;
  prices: Partial<Record<PricedItem, number>>;
  tenderRef: string;
  setBy: string;
}

/** A district finance bureau (区财政局): pays the district's sixth, and keeps the district's tender prices. */
export interface DistrictFinancePort {
  ledger: LedgerPort;
  currentTenderPrices(district: District): Promise<TenderPrices>;
  setTenderPrices(request: SetTenderPrices): Promise<TenderPrices>;
}
