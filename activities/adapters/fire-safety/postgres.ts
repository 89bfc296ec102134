import type { Db } from '../../db/connection';
import type { FireSafetyPort } from './port';

export class PostgresFireSafety implements FireSafetyPort {
  constructor(private readonly db: Db) {}

  async signOff(creditCode: string, siteKey: string): Promise<boolean | undefined> {
    const row = await this.db<{ credit_code: string; site_key: string; passed: boolean }>(
      'fire_safety.sign_offs',
    )
      .where({ credit_code: creditCode, site_key: siteKey })
      .first();
    return row?.passed;
  }

  async recordSignOff(creditCode: string, siteKey: string, passed: boolean): Promise<void> {
    await this.db('fire_safety.sign_offs')
      .insert({ credit_code: creditCode, site_key: siteKey, passed })
      .onConflict(['credit_code', 'site_key'])
      .merge(['passed']);
  }
}
