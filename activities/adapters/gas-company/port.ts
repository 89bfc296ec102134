import type { District } from '../../../workflows/definitions';
import type {
  EligibilityDecision,
  GasUserType,
  RetrofitItems,
} from '../../../workflows/kit/department-words';
import type { PersonalContact } from '../../../platform/personal-data/contact';
import type { LedgerPort } from '../ledger/port';

export interface GasAccount {
  accountRef: string;
  district: District;
  userType: GasUserType;
  status: 'active' | 'closed';
  /** The gas company's survey: what the household still needs. Defaults: valve and a 2 m hose, needed. */
  survey?: { needsRetrofit: boolean; items: RetrofitItems };
}

/** One account of the retrofit backlog, with the work the survey found. */
export interface BacklogAccount {
  accountRef: string;
  userType: GasUserType;
  items: RetrofitItems;
}

export interface EligibilityRequest {
  /** Unique per case and step; a repeated request returns the answer already given. */
  idempotencyKey: string;
  caseId: string;
  district: District;
  accountRef: string;
  userType: GasUserType;
  /**
   * Whether the work the case asks for fits the user type, as the process judged it (a campaign's new build without
   * a valve does not); absent when the case names no work yet.
   */
  itemsFit?: boolean;
}

export interface AcceptanceRecord {
  idempotencyKey: string;
  caseId: string;
  result: 'pass' | 'fail';
  reason?: string;
  inspector: string;
}

/** Personal data: stored by the gas company for its installers; never sent to Temporal. */
export type ServiceContact = PersonalContact;

/** The gas company's system, as OneThing sees it. */
export interface GasCompanyPort {
  checkEligibility(request: EligibilityRequest): Promise<EligibilityDecision>;
  /** Registers or updates customer accounts (the gas company's own data feed; also used for demo data). */
  upsertAccounts(accounts: readonly GasAccount[]): Promise<void>;
  recordAcceptance(record: AcceptanceRecord): Promise<void>;
  isAccountActive(accountRef: string): Promise<boolean>;
  /** Active accounts of the district that still need work, in account order, after the given account. */
  retrofitBacklog(district: District, after: string | null, limit: number): Promise<BacklogAccount[]>;
  /**
   * Keeps the contact a case was started with: `saved` the first time, `same` when posted again unchanged,
   * `differs` (and nothing written) when it is another: a change of contact is its own act.
   */
  keepServiceContact(caseId: string, contact: ServiceContact): Promise<'saved' | 'same' | 'differs'>;
  /** Replaces the case's contact; false when none is kept for the case. */
  changeServiceContact(caseId: string, contact: ServiceContact): Promise<boolean>;
  findServiceContact(caseId: string): Promise<ServiceContact | undefined>;
  /** The gas company's own third of each residential retrofit. */
  ledger: LedgerPort;
  /** What residents (and non-residential users) owe the gas company, which it collects. */
  receivables: LedgerPort;
}

/** The gas company's rule for whether an account may enter the retrofit process. Pure, so both adapters share it. */
export function decideEligibility(
  request: Pick<EligibilityRequest, 'district' | 'userType' | 'itemsFit'>,
  account: GasAccount | undefined,
):
  | { outcome: 'eligible' }
  | { outcome: 'ineligible'; reason: Exclude<EligibilityDecision, { outcome: 'eligible' }>['reason'] } {
  if (!account) return { outcome: 'ineligible', reason: 'account-not-found' };
  if (account.status !== 'active') return { outcome: 'ineligible', reason: 'account-closed' };
  if (account.district !== request.district) return { outcome: 'ineligible', reason: 'district-mismatch' };
  if (account.userType !== request.userType) return { outcome: 'ineligible', reason: 'user-type-mismatch' };
  if (request.itemsFit === false) return { outcome: 'ineligible', reason: 'items-not-fit' };
  return { outcome: 'eligible' };
}
