import type { District } from '../../../workflows/definitions';

export interface PriceCeiling {
  district: District;
  year: number;
  /** Monthly price, meals included, in fen. */
  ceilingFen: number;
  publishedBy: string;
  publishedAt: string;
}

/** Market regulation (市场监管局): the childcare price ceilings it publishes per district and year. */
export interface MarketRegulationPort {
  /** The ceiling in force for the district and year; undefined when none is published. */
  childcarePriceCeiling(district: District, year: number): Promise<PriceCeiling | undefined>;
  /** Publishes (or adjusts) a ceiling; the newest replaces the one before. */
  publishChildcarePriceCeiling(ceiling: Omit<PriceCeiling, 'publishedAt'>): Promise<PriceCeiling>;
  /** The business registration's status; undefined when the credit code is not registered. */
  registrationStatus(creditCode: string): Promise<'active' | 'revoked' | undefined>;
  registerBusiness(creditCode: string, status: 'active' | 'revoked'): Promise<void>;
}
