import type { District } from '../../../workflows/definitions';
import type { Db } from '../../db/connection';
import type { EnterpriseRegistration, MarketRegulationPort, PriceCeiling } from './port';

interface PriceCeilingRow {
  district: District;
  year: number;
  ceiling_fen: string;
  published_by: string;
  published_at: Date;
}

const TABLE = 'market_regulation.childcare_price_ceilings';
const REGISTRATIONS = 'market_regulation.registrations';

interface RegistrationRow {
  credit_code: string;
  name: string | null;
  status: 'active' | 'revoked';
  industry: string | null;
  district: District | null;
  registered_on: string | null;
}

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

  async registerEnterprise(enterprise: EnterpriseRegistration): Promise<void> {
    const row = {
      credit_code: enterprise.creditCode,
      name: enterprise.name,
      status: enterprise.status,
      industry: enterprise.industry,
      district: enterprise.district,
      registered_on: enterprise.registeredOn,
    };
    await this.db(REGISTRATIONS).insert(row).onConflict('credit_code').merge();
  }

  async enterprises(creditCodes: readonly string[]): Promise<Map<string, EnterpriseRegistration>> {
    // A date as its text: the driver would make it a Date at local midnight.
    const rows = (await this.db(REGISTRATIONS)
      .select(
        'credit_code',
        'name',
        'status',
        'industry',
        'district',
        this.db.raw('registered_on::text AS registered_on'),
      )
      .whereIn('credit_code', creditCodes)
      .whereNotNull('registered_on')) as RegistrationRow[];
    return new Map(
      rows.map((row) => [
        row.credit_code,
        {
          creditCode: row.credit_code,
          name: row.name ?? '',
          status: row.status,
          industry: row.industry ?? '',
          district: row.district!,
          registeredOn: row.registered_on!,
        },
      ]),
    );
  }

  async activeEnterprisesIn(district: District, after: string | null, limit: number): Promise<string[]> {
    const query = this.db<RegistrationRow>(REGISTRATIONS)
      .select('credit_code')
      .where({ district, status: 'active' })
      .orderBy('credit_code')
      .limit(limit);
    const rows: Pick<RegistrationRow, 'credit_code'>[] = await (after === null
      ? query
      : query.andWhere('credit_code', '>', after));
    return rows.map((row) => row.credit_code);
  }
}
