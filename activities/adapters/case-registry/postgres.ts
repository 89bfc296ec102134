import type { Db } from '../../db/connection';
import type { CaseRegistryPort, CaseStageRecord, StoredCase } from './port';

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
