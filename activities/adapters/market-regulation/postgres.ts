import type { District } from '../../../workflows/definitions';
import type { Db } from '../../db/connection';
import type { MarketRegulationPort, PriceCeiling } from './port';

interface PriceCeilingRow {
  district: District;
  year: number;
  ceiling_fen: string;
  published_by: string;
  published_at: Date;
}

const TABLE = 'market_regulation.childcare_price_ceilings';

const toCeiling = (row: PriceCeilingRow): PriceCeiling => ({
  district: row.district,
  year: row.year,
  ceilingFen: Number(row.ceiling_fen),
  publishedBy: row.published_by,
  publishedAt: row.published_at.toISOString(),
});

export class PostgresMarketRegulation implements MarketRegulationPort {
  constructor(private readonly db: Db) {}

  async childcarePriceCeiling(district: District, year: number): Promise<PriceCeiling | undefined> {
    const row = await this.db<PriceCeilingRow>(TABLE).where({ district, year }).first();
    return row && toCeiling(row);
  }

  async publishChildcarePriceCeiling(ceiling: Omit<PriceCeiling, 'publishedAt'>): Promise<PriceCeiling> {
    const [row] = await this.db<PriceCeilingRow>(TABLE)
      .insert({
        district: ceiling.district,
        year: ceiling.year,
        ceiling_fen: String(ceiling.ceilingFen),
        published_by: ceiling.publishedBy,
      })
      .onConflict(['district', 'year'])
      .merge({
        ceiling_fen: String(ceiling.ceilingFen),
        published_by: ceiling.publishedBy,
        published_at: this.db.fn.now(),
      })
      .returning('*');
    return toCeiling(row!);
  }

  async registrationStatus(creditCode: string): Promise<'active' | 'revoked' | undefined> {
    const row = await this.db<{ credit_code: string; status: 'active' | 'revoked' }>(
      'market_regulation.registrations',
    )
      .where({ credit_code: creditCode })
      .first();
    return row?.status;
  }

  async registerBusiness(creditCode: string, status: 'active' | 'revoked'): Promise<void> {
    await this.db('market_regulation.registrations')
      .insert({ credit_code: creditCode, status })
      .onConflict('credit_code')
      .merge(['status']);
  }
}
