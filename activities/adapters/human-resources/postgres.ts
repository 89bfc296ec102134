import type { Db } from '../../db/connection';
import type { HumanResourcesPort } from './port';

const TABLE = 'human_resources.insured_counts';

export class PostgresHumanResources implements HumanResourcesPort {
  constructor(private readonly db: Db) {}

  async insuredEmployees(creditCodes: readonly string[]): Promise<Map<string, number>> {
    const rows = await this.db<{ credit_code: string; insured: number }>(TABLE)
      .distinctOn('credit_code')
      .select('credit_code', 'insured')
      .whereIn('credit_code', creditCodes)
      .orderBy([{ column: 'credit_code' }, { column: 'month', order: 'desc' }]);
    return new Map(rows.map((row) => [row.credit_code, row.insured]));
  }

  async recordInsured(record: { creditCode: string; month: string; insured: number }): Promise<void> {
    await this.db(TABLE)
      .insert({ credit_code: record.creditCode, month: record.month, insured: record.insured })
      .onConflict(['credit_code', 'month'])
      .merge();
  }
}
