import type { Db } from '../../db/connection';
import type { PolicyTerms } from './terms';
import {
  BudgetBelowCommittedError,
  PolicyIssuerMismatchError,
  type PolicyCataloguePort,
  type PolicySummary,
  type SavedPolicyVersion,
} from './port';

interface VersionRow {
  policy_id: string;
  version: number;
  rule_language: string;
  terms: PolicyTerms;
  saved_by: string;
  saved_at: Date;
}

const toVersion = (row: VersionRow): SavedPolicyVersion => ({
  policyId: row.policy_id,
  version: row.version,
  ruleLanguage: row.rule_language,
  terms: row.terms,
  savedBy: row.saved_by,
  savedAt: row.saved_at.toISOString(),
});

export class PostgresPolicyCatalogue implements PolicyCataloguePort {
  constructor(private readonly db: Db) {}

  save(
    policyId: string,
    ruleLanguage: string,
    terms: PolicyTerms,
    savedBy: string,
  ): Promise<SavedPolicyVersion> {
    return this.db.transaction(async (trx) => {
      await trx('policy_payout.policies')
        .insert({
          policy_id: policyId,
          issuer_department: terms.issuer.department,
          issuer_area: terms.issuer.area,
        })
        .onConflict('policy_id')
        .ignore();
      // Locks the policy: saves of one policy take their version numbers one after the other.
      const policy = await trx('policy_payout.policies')
        .where({ policy_id: policyId })
        .forUpdate()
        .first<{ issuer_department: string; issuer_area: string }>();
      if (policy.issuer_department !== terms.issuer.department || policy.issuer_area !== terms.issuer.area) {
        throw new PolicyIssuerMismatchError(policyId);
      }
      const latest = await trx('policy_payout.policy_versions')
        .where({ policy_id: policyId })
        .max<{ max: number | null }>('version as max')
        .first();
      const [row] = await trx<VersionRow>('policy_payout.policy_versions')
        .insert({
          policy_id: policyId,
          version: (latest?.max ?? 0) + 1,
          rule_language: ruleLanguage,
          terms: JSON.stringify(terms) as unknown as PolicyTerms,
          saved_by: savedBy,
        })
        .returning('*');
      for (const [year, budgetFen] of Object.entries(terms.budgets)) {
        const committed = await trx('policy_payout.budgets')
          .where({ policy_id: policyId, year: Number(year) })
          .first<{ committed_fen: string } | undefined>('committed_fen');
        if (committed && Number(committed.committed_fen) > budgetFen) {
          throw new BudgetBelowCommittedError(Number(year), Number(committed.committed_fen));
        }
        await trx('policy_payout.budgets')
          .insert({ policy_id: policyId, year: Number(year), budget_fen: String(budgetFen) })
          .onConflict(['policy_id', 'year'])
          .merge(['budget_fen']);
      }
      return toVersion(row!);
    });
  }

  async version(policyId: string, version?: number): Promise<SavedPolicyVersion | undefined> {
    const query = this.db<VersionRow>('policy_payout.policy_versions').where({ policy_id: policyId });
    const row = await (
      version === undefined ? query.orderBy('version', 'desc') : query.andWhere({ version })
    ).first();
    return row && toVersion(row);
  }

  async list(): Promise<PolicySummary[]> {
    const rows = (await this.db('policy_payout.policy_versions')
      .distinctOn('policy_id')
      .select('*')
      .orderBy([{ column: 'policy_id' }, { column: 'version', order: 'desc' }])) as VersionRow[];
    return rows.map(({ policy_id, version, terms }) => ({
      policyId: policy_id,
      version,
      title: terms.title,
      issuer: terms.issuer,
      kind: terms.kind,
      mode: terms.mode,
    }));
  }
}
