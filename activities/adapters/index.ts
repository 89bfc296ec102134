import type { Db } from '../db/connection';
import type { CaseRegistryPort } from './case-registry/port';
import { PostgresCaseRegistry } from './case-registry/postgres';
import type { GasCompanyPort } from './gas-company/port';
import { PostgresGasCompany } from './gas-company/postgres';

/** One adapter per department system (plus the platform's own case registry). */
export interface Adapters {
  caseRegistry: CaseRegistryPort;
  gasCompany: GasCompanyPort;
}

export function createPostgresAdapters(db: Db): Adapters {
  return {
    caseRegistry: new PostgresCaseRegistry(db),
    gasCompany: new PostgresGasCompany(db),
  };
}
