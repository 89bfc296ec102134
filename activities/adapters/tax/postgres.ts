import type { Db } from '../../db/connection';
import type { TaxPort, TaxYear } from './port';

const TABLE = 'tax.enterprise_years';

interface TaxYearRow {
  credit_code: string;
  year: number;
  credit_grade: TaxYear['creditGrade'];
  tax_paid_fen: string;
}

export class PostgresTax implements TaxPort {
  constructor(private readonly db: Db) {}

  async years(creditCodes: readonly string[], year: number): Promise<Map<string, TaxYear>> {
    const rows = await this.db<TaxYearRow>(TABLE).whereIn('credit_code', creditCodes).andWhere('year', year);
    return new Map(
      rows.map((row) => [
        row.credit_code,
        {
          creditCode: row.credit_code,
          year,
          creditGrade: row.credit_grade,
          taxPaidFen: Number(row.tax_paid_fen),
        },
      ]),
    );
  }

  async recordYear(record: TaxYear): Promise<void> {
    await this.db(TABLE)
      .insert({
        credit_code: record.creditCode,
        year: record.year,
        credit_grade: record.creditGrade,
        tax_paid_fen: String(record.taxPaidFen),
      })
      .onConflict(['credit_code', 'year'])
      .merge();
  }
}
