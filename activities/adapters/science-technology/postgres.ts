import type { Db } from '../../db/connection';
import type { ScienceTechnologyPort } from './port';

export class PostgresScienceTechnology implements ScienceTechnologyPort {
  constructor(private readonly db: Db) {}

  async highTechOn(creditCodes: readonly string[], day: string): Promise<Set<string>> {
    const rows = await this.db<{ credit_code: string }>('science_technology.high_tech_certificates')
      .distinct('credit_code')
      .whereIn('credit_code', creditCodes)
      .andWhere('valid_from', '<=', day)
      .andWhere('valid_until', '>=', day);
    return new Set(rows.map((row) => row.credit_code));
  }

  async rdSpend(creditCodes: readonly string[], year: number): Promise<Map<string, number>> {
    const rows = await this.db<{ credit_code: string; rd_spend_fen: string }>('science_technology.rd_spend')
      .whereIn('credit_code', creditCodes)
      .andWhere('year', year);
    return new Map(rows.map((row) => [row.credit_code, Number(row.rd_spend_fen)]));
  }

  async certify(certificate: {
    certificateNo: string;
    creditCode: string;
    validFrom: string;
    validUntil: string;
  }) {
    await this.db('science_technology.high_tech_certificates')
      .insert({
        certificate_no: certificate.certificateNo,
        credit_code: certificate.creditCode,
        valid_from: certificate.validFrom,
        valid_until: certificate.validUntil,
      })
      .onConflict('certificate_no')
      .merge();
  }

  async recordRdSpend(record: { creditCode: string; year: number; rdSpendFen: number }): Promise<void> {
    await this.db('science_technology.rd_spend')
      .insert({ credit_code: record.creditCode, year: record.year, rd_spend_fen: String(record.rdSpendFen) })
      .onConflict(['credit_code', 'year'])
      .merge();
  }
}
