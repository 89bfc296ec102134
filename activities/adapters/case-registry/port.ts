import type { District, ProcessType } from '../../../workflows/definitions';

export interface CaseStageRecord {
  caseId: string;
  process: ProcessType;
  district: District;
  stage: string;
  /** Monotonic per case (set by the workflow); an update with a lower or equal sequence is ignored. */
  stageSeq: number;
  /** The district campaign that started the case, if any. */
  campaignId?: string;
  /** References and figures only — never personal data. */
  details: Record<string, string | number | boolean | null>;
}

export interface StoredCase extends CaseStageRecord {
  createdAt: string;
  updatedAt: string;
}

/** The platform's own list of cases, kept current by each workflow, for lists and reports. */
export interface CaseRegistryPort {
  recordStage(record: CaseStageRecord): Promise<void>;
  find(caseId: string): Promise<StoredCase | undefined>;
  campaignReport(campaignId: string): Promise<CampaignReport>;
}

export interface CampaignReport {
  campaignId: string;
  casesByStage: Record<string, number>;
  /** Net fen booked per party (bookings less reversals) for the campaign's cases. */
  settledFen: { cityFinance: number; districtFinance: number; gasCompany: number; resident: number };
}
