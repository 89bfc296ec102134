import type { District } from '../../../workflows/definitions';

export interface PriceCeiling {
  district: District;
  year: number;
  /** Monthly price, meals included, in fen. */
  ceilingFen: number;
  publishedBy: string;
  publishedAt: string;
}

/** An enterprise as the business register holds it (the name of a company is not personal data). */
export interface EnterpriseRegistration {
  creditCode: string;
  name: string;
  status: 'active' | 'revoked';
  /** National industry classification (GB/T 4754): section letter and division, e.g. C39. */
  industry: string;
  district: District;
  registeredOn: string;
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
  /** Registers an enterprise with what the register knows of it (or updates it). */
  registerEnterprise(enterprise: EnterpriseRegistration): Promise<void>;
  /** The registrations of these credit codes; a code not registered is absent. */
  enterprises(creditCodes: readonly string[]): Promise<Map<string, EnterpriseRegistration>>;
  /** A page of the district's active enterprises in credit-code order, after the cursor. */
  activeEnterprisesIn(district: District, after: string | null, limit: number): Promise<string[]>;
}
