import type { Db } from '../../db/connection';
import { PostgresLedger } from '../ledger/postgres';
import type { CityFinancePort } from './port';

export class PostgresCityFinance implements CityFinancePort {
  readonly ledger;
  constructor(db: Db) {
    this.ledger = new PostgresLedger(db, 'city_finance.ledger');
  }
}
