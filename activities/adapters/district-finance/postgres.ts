import type { District } from '../../../workflows/definitions';
import type { PriceList, PricedItem } from '../../../workflows/kit/department-words';
import type { Db } from '../../db/connection';
import { PostgresLedger } from '../ledger/postgres';
import type { DistrictFinancePort, SetTenderPrices, TenderPrices } from './port';

interface PriceRow {
  id: string;
  item: PricedItem;
  price_fen: number;
  tender_ref: string;
}

export class PostgresDistrictFinance implements DistrictFinancePort {
  readonly ledger;
  constructor(private readonly db: Db) {
    this.ledger = new PostgresLedger(db, 'district_finance.ledger');
  }

  async currentTenderPrices(district: District): Promise<TenderPrices> {
    const rows = (await this.db('district_finance.tender_prices')
      .distinctOn('item')
      .select('id', 'item', 'price_fen', 'tender_ref')
      .where({ district })
      .orderBy([{ column: 'item' }, { column: 'id', order: 'desc' }])) as PriceRow[];
    const prices: PriceList = {};
    let newest: PriceRow | undefined;
    for (const row of rows) {
      prices[row.item] = row.price_fen;
      if (!newest || Number(row.id) > Number(newest.id)) newest = row;
    }
    return { district, prices, tenderRef: newest?.tender_ref ?? null };
  }

  async setTenderPrices(request: SetTenderPrices): Promise<TenderPrices> {
    const rows = Object.entries(request.prices).map(([item, price]) => ({
      district: request.district,
      item,
      price_fen: price,
      tender_ref: request.tenderRef,
      set_by: request.setBy,
    }));
    if (rows.length > 0) await this.db('district_finance.tender_prices').insert(rows);
    return this.currentTenderPrices(request.district);
  }
}
