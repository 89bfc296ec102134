import type { Db } from '../../db/connection';
import type { IntellectualPropertyPort, PatentCounts } from './port';

export class PostgresIntellectualProperty implements IntellectualPropertyPort {
  constructor(private readonly db: Db) {}

  async patentCounts(
    creditCodes: readonly string[],
    day: string,
    year: number,
  ): Promise<Map<string, PatentCounts>> {
    const rows = await this.db('intellectual_property.patents')
      .select<{ credit_code: string; in_force: string; converted: string }[]>(
        'credit_code',
        this.db.raw(
          `count(*) FILTER (WHERE granted_on <= ? AND (lapsed_on IS NULL OR lapsed_on > ?)) AS in_force`,
          [day, day],
        ),
        this.db.raw(`count(*) FILTER (WHERE extract(year FROM converted_on) = ?) AS converted`, [year]),
      )
      .whereIn('credit_code', creditCodes)
      .groupBy('credit_code');
    return new Map(
      rows.map((row) => [
        row.credit_code,
        { inForce: Number(row.in_force), convertedInYear: Number(row.converted) },
      ]),
    );
  }

  async grantPatent(patent: {
    patentNo: string;
    creditCode: string;
    grantedOn: string;
    convertedOn?: string;
  }) {
    await this.db('intellectual_property.patents')
      .insert({
        patent_no: patent.patentNo,
        credit_code: patent.creditCode,
        granted_on: patent.grantedOn,
        converted_on: patent.convertedOn ?? null,
      })
      .onConflict('patent_no')
      .merge();
  }
}
