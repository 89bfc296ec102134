import type { Db } from '../../db/connection';
import type { CreditPlatformPort } from './port';

export class PostgresCreditPlatform implements CreditPlatformPort {
  constructor(private readonly db: Db) {}

  async blacklistedCount(certificateNumbers: readonly string[]): Promise<number> {
    if (certificateNumbers.length === 0) return 0;
    const [row] = await this.db('credit_platform.staff_blacklist')
      .whereIn('certificate_number', [...new Set(certificateNumbers)])
      .count<Array<{ n: string }>>({ n: '*' });
    return Number(row?.n ?? 0);
  }

  async providerRecordClean(creditCode: string): Promise<boolean> {
    const [row] = await this.db('credit_platform.provider_records')
      .where({ credit_code: creditCode, adverse: true })
      .count<Array<{ n: string }>>({ n: '*' });
    return Number(row?.n ?? 0) === 0;
  }

  async blacklistStaff(certificateNumber: string, reason: string): Promise<void> {
    await this.db('credit_platform.staff_blacklist')
      .insert({ certificate_number: certificateNumber, reason })
      .onConflict('certificate_number')
      .merge(['reason']);
  }

  async recordProviderFinding(creditCode: string, finding: string, adverse: boolean): Promise<void> {
    await this.db('credit_platform.provider_records').insert({ credit_code: creditCode, finding, adverse });
  }
}
