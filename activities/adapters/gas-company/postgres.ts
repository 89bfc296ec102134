import type { Db } from '../../db/connection';
import type { District } from '../../../workflows/definitions';
import type { EligibilityDecision, IneligibilityReason } from '../../../workflows/kit/department-words';
import { PostgresLedger } from '../ledger/postgres';
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

interface AccountRow {
  account_ref: string;
  district: GasAccount['district'];
  user_type: GasAccount['userType'];
  status: GasAccount['status'];
}

interface CheckRow {
  id: string;
  idempotency_key: string;
  outcome: 'eligible' | 'ineligible';
  reason: IneligibilityReason | null;
  checked_at: Date;
}

function toDecision(row: CheckRow): EligibilityDecision {
  const common = { checkedAt: row.checked_at.toISOString(), checkId: String(row.id) };
  return row.outcome === 'eligible'
    ? { outcome: 'eligible', ...common }
    : { outcome: 'ineligible', reason: row.reason ?? 'account-not-found', ...common };
}

interface ContactRow {
  case_id: string;
  name: string;
  phone: string;
  address: string;
  id_number: string | null;
}

export class PostgresGasCompany implements GasCompanyPort {
  readonly ledger;
  readonly receivables;

  constructor(private readonly db: Db) {
    this.ledger = new PostgresLedger(db, 'gas_company.ledger');
    this.receivables = new PostgresLedger(db, 'gas_company.receivables');
  }

  async isAccountActive(accountRef: string): Promise<boolean> {
    const row = await this.db<{ status: string }>('gas_company.accounts')
      .where('account_ref', accountRef)
      .first('status');
    return row?.status === 'active';
  }

  async retrofitBacklog(district: District, after: string | null, limit: number): Promise<BacklogAccount[]> {
    const query = this.db('gas_company.accounts')
      .select('account_ref', 'user_type', 'needs_valve', 'hose_length_dm')
      .where({ district, status: 'active', needs_retrofit: true })
      .orderBy('account_ref')
      .limit(limit);
    if (after !== null) void query.andWhere('account_ref', '>', after);
    const rows = (await query) as Array<{
      account_ref: string;
      user_type: BacklogAccount['userType'];
      needs_valve: boolean;
      hose_length_dm: number | null;
    }>;
    return rows.map((row) => ({
      accountRef: row.account_ref,
      userType: row.user_type,
      items: {
        // Bottled LPG and non-residential users never get a self-closing valve (domain table).
        valve:
          row.needs_valve &&
          (row.user_type === 'residential-pipeline' || row.user_type === 'new-build-residential'),
        ...(row.hose_length_dm === null ? {} : { hoseLengthM: row.hose_length_dm / 10 }),
      },
    }));
  }

  async keepServiceContact(caseId: string, contact: ServiceContact): Promise<'saved' | 'same' | 'differs'> {
    const inserted = await this.db('gas_company.service_contacts')
      .insert({ case_id: caseId, ...contactRow(contact) })
      .onConflict('case_id')
      .ignore()
      .returning('case_id');
    if (inserted.length > 0) return 'saved';
    const kept = await this.findServiceContact(caseId);
    return kept && sameContact(kept, contact) ? 'same' : 'differs';
  }

  async changeServiceContact(caseId: string, contact: ServiceContact): Promise<boolean> {
    const changed = await this.db('gas_company.service_contacts')
      .where({ case_id: caseId })
      .update({ ...contactRow(contact), updated_at: this.db.fn.now() });
    return changed > 0;
  }

  async findServiceContact(caseId: string): Promise<ServiceContact | undefined> {
    const row = await this.db<ContactRow>('gas_company.service_contacts').where({ case_id: caseId }).first();
    if (!row) return undefined;
    return {
      name: row.name,
      phone: row.phone,
      address: row.address,
      ...(row.id_number ? { idNumber: row.id_number } : {}),
    };
  }

  async recordAcceptance(record: AcceptanceRecord): Promise<void> {
    await this.db('gas_company.acceptance_checks')
      .insert({
        idempotency_key: record.idempotencyKey,
        case_id: record.caseId,
        result: record.result,
        reason: record.reason ?? null,
        inspector: record.inspector,
      })
      .onConflict('idempotency_key')
      .ignore();
  }

  /**
   * No transaction: the answer is decided from the account, and ON CONFLICT keeps the first one recorded under the
   * key (a retry, or a concurrent duplicate, reads that one back), so BEGIN and COMMIT would only add two trips.
   */
  async checkEligibility(request: EligibilityRequest): Promise<EligibilityDecision> {
    const account = await this.db<AccountRow>('gas_company.accounts')
      .where({ account_ref: request.accountRef })
      .first();
    const decision = decideEligibility(
      request,
      account && {
        accountRef: account.account_ref,
        district: account.district,
        userType: account.user_type,
        status: account.status,
      },
    );
    const [inserted] = await this.db('gas_company.eligibility_checks')
      .insert({
        idempotency_key: request.idempotencyKey,
        case_id: request.caseId,
        account_ref: request.accountRef,
        outcome: decision.outcome,
        reason: decision.outcome === 'ineligible' ? decision.reason : null,
      })
      .onConflict('idempotency_key')
      .ignore()
      .returning<CheckRow[]>(['id', 'idempotency_key', 'outcome', 'reason', 'checked_at']);
    if (inserted) return toDecision(inserted);
    const first = await this.db<CheckRow>('gas_company.eligibility_checks')
      .where({ idempotency_key: request.idempotencyKey })
      .first();
    if (!first) throw new Error('eligibility check vanished after an idempotency conflict');
    return toDecision(first);
  }

  async upsertAccounts(accounts: readonly GasAccount[]): Promise<void> {
    if (accounts.length === 0) return;
    await this.db('gas_company.accounts')
      .insert(
        accounts.map((a) => ({
          account_ref: a.accountRef,
          district: a.district,
          user_type: a.userType,
          status: a.status,
          needs_retrofit: a.survey?.needsRetrofit ?? true,
          needs_valve: a.survey?.items.valve ?? true,
          hose_length_dm: a.survey
            ? a.survey.items.hoseLengthM === undefined
              ? null
              : Math.round(a.survey.items.hoseLengthM * 10)
            : 20,
        })),
      )
      .onConflict('account_ref')
      .merge(['district', 'user_type', 'status', 'needs_retrofit', 'needs_valve', 'hose_length_dm']);
  }
}

const contactRow = (contact: ServiceContact) => ({
  name: contact.name,
  phone: contact.phone,
  address: contact.address,
  id_number: contact.idNumber ?? null,
});
