import type { Db } from '../../db/connection';
import type { CampaignReport, CaseRegistryPort, CaseStageRecord, StoredCase } from './port';

interface CaseRow {
  case_id: string;
  process: StoredCase['process'];
  district: StoredCase['district'];
  stage: string;
  stage_seq: number;
  details: StoredCase['details'];
  created_at: Date;
  updated_at: Date;
}

export class PostgresCaseRegistry implements CaseRegistryPort {
  constructor(private readonly db: Db) {}

  async recordStage(record: CaseStageRecord): Promise<void> {
    await this.db('onething.cases')
      .insert({
        case_id: record.caseId,
        process: record.process,
        district: record.district,
        stage: record.stage,
        stage_seq: record.stageSeq,
        campaign_id: record.campaignId ?? null,
        details: JSON.stringify(record.details),
      })
      .onConflict('case_id')
      .merge({
        stage: record.stage,
        stage_seq: record.stageSeq,
        details: JSON.stringify(record.details),
        updated_at: this.db.fn.now(),
      })
      // A retried older update must not overwrite a newer stage.
      .where('onething.cases.stage_seq', '<', record.stageSeq);
  }

  async campaignReport(campaignId: string): Promise<CampaignReport> {
    const stages = await this.db.raw<{ rows: Array<{ stage: string; count: string }> }>(
      'SELECT stage, count(*) AS count FROM onething.cases WHERE campaign_id = ? GROUP BY stage',
      [campaignId],
    );
    // Net of reversals: what each party has actually paid (or, for the resident, owes) for the campaign's cases.
    const settled = await this.db.raw<{
      rows: Array<{ party: keyof CampaignReport['settledFen']; total: string }>;
    }>(
      `SELECT party, coalesce(sum(l.amount_fen), 0) AS total FROM (
         SELECT 'cityFinance' AS party, case_id, amount_fen FROM city_finance.ledger
         UNION ALL SELECT 'districtFinance', case_id, amount_fen FROM district_finance.ledger
         UNION ALL SELECT 'gasCompany', case_id, amount_fen FROM gas_company.ledger
         UNION ALL SELECT 'resident', case_id, amount_fen FROM gas_company.receivables
       ) l JOIN onething.cases c ON c.case_id = l.case_id
       WHERE c.campaign_id = ? GROUP BY party`,
      [campaignId],
    );
    const settledFen = { cityFinance: 0, districtFinance: 0, gasCompany: 0, resident: 0 };
    for (const row of settled.rows) settledFen[row.party] = Number(row.total);
    return {
      campaignId,
      casesByStage: Object.fromEntries(stages.rows.map((row) => [row.stage, Number(row.count)])),
      settledFen,
    };
  }

  async find(caseId: string): Promise<StoredCase | undefined> {
    const row = await this.db<CaseRow>('onething.cases').where({ case_id: caseId }).first();
    if (!row) return undefined;
    return {
      caseId: row.case_id,
      process: row.process,
      district: row.district,
      stage: row.stage,
      stageSeq: row.stage_seq,
      details: row.details,
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
    };
  }
}
