import type { LedgerPort } from '../ledger/port';

/** City finance bureau (市财政局): pays the city's third of each residential retrofit. */
export interface CityFinancePort {
  ledger: LedgerPort;
}
