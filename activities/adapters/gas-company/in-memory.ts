import type { EligibilityDecision } from '../../../workflows/kit/department-words';
import { InMemoryLedger } from '../ledger/in-memory';
import { sameContact } from '../../../platform/personal-data/contact';
import {
  decideEligibility,
  type AcceptanceRecord,
  type EligibilityRequest,
  type GasAccount,
  type BacklogAccount,
  type GasCompanyPort,
  type ServiceContact,
} from './port';

/** For unit tests only: the same rule as the Postgres adapter, held in maps. */
export class InMemoryGasCompany implements GasCompanyPort {
  readonly accounts = new Map<string, GasAccount>();
  readonly checks = new Map<string, EligibilityDecision>();
  readonly acceptances = new Map<string, AcceptanceRecord>();
  readonly contacts = new Map<string, ServiceContact>();

  retrofitBacklog(district: string, after: string | null, limit: number): Promise<BacklogAccount[]> {
    return Promise.resolve(
      [...this.accounts.values()]
        .filter((a) => a.district === district && a.status === 'active' && (a.survey?.needsRetrofit ?? true))
        .filter((a) => after === null || a.accountRef > after)
        .sort((a, b) => (a.accountRef < b.accountRef ? -1 : 1))
        .slice(0, limit)
        .map((a) => ({
          accountRef: a.accountRef,
          userType: a.userType,
          items: a.survey?.items ?? { valve: true, hoseLengthM: 2 },
        })),
    );
  }

  keepServiceContact(caseId: string, contact: ServiceContact): Promise<'saved' | 'same' | 'differs'> {
    const kept = this.contacts.get(caseId);
    if (!kept) this.contacts.set(caseId, contact);
    return Promise.resolve(!kept ? 'saved' : sameContact(kept, contact) ? 'same' : 'differs');
  }

  changeServiceContact(caseId: string, contact: ServiceContact): Promise<boolean> {
    if (!this.contacts.has(caseId)) return Promise.resolve(false);
    this.contacts.set(caseId, contact);
    return Promise.resolve(true);
  }

  findServiceContact(caseId: string): Promise<ServiceContact | undefined> {
    return Promise.resolve(this.contacts.get(caseId));
  }

  readonly ledger = new InMemoryLedger();
  readonly receivables = new InMemoryLedger();

  isAccountActive(accountRef: string): Promise<boolean> {
    return Promise.resolve(this.accounts.get(accountRef)?.status === 'active');
  }

  recordAcceptance(record: AcceptanceRecord): Promise<void> {
    if (!this.acceptances.has(record.idempotencyKey)) this.acceptances.set(record.idempotencyKey, record);
    return Promise.resolve();
  }

  checkEligibility(request: EligibilityRequest): Promise<EligibilityDecision> {
    const existing = this.checks.get(request.idempotencyKey);
    if (existing) return Promise.resolve(existing);
    const decision = decideEligibility(request, this.accounts.get(request.accountRef));
    const recorded: EligibilityDecision = {
      ...decision,
      checkedAt: new Date().toISOString(),
      checkId: String(this.checks.size + 1),
    };
    this.checks.set(request.idempotencyKey, recorded);
    return Promise.resolve(recorded);
  }

  upsertAccounts(accounts: readonly GasAccount[]): Promise<void> {
    for (const account of accounts) this.accounts.set(account.accountRef, account);
    return Promise.resolve();
  }
}
