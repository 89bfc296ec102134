import type { Client } from '@temporalio/client';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import type { Adapters } from '../activities/adapters';
import type { Db } from '../activities/db/connection';
import type { District } from '../workflows/definitions';
import type { JwtSettings } from './auth';
import type { CodecServerSettings } from './codec/codec-router';
import type { RateLimitSettings } from './rate-limit';
import type { WorkbenchSettings } from './workbench/workbench-router';

export interface ApiDeps {
  client: Client;
  db: Db;
  /**
   * Department systems the API reads or writes directly: tender prices, contacts, the task board, price ceilings
   * the credit platform's checks, a provider's registration (备案) checks, the policy catalogue and its funds.
   */
  adapters: Pick<
    Adapters,
    | 'districtFinance'
    | 'gasCompany'
    | 'taskBoard'
    | 'caseRegistry'
    | 'auditLog'
    | 'calendar'
    | 'marketRegulation'
    | 'creditPlatform'
    | 'healthCommission'
    | 'civilAffairs'
    | 'fireSafety'
    | 'petitionOffice'
    | 'publicSupervision'
    | 'petitionIndex'
    | 'policyCatalogue'
    | 'policyFunds'
  >;
  logger: Logger;
  jwt: JwtSettings;
  taskQueue: string;
  /** express.json size limit, e.g. `64kb`; larger bodies are answered 413. */
  bodyLimit: string;
  /** The Web UI's codec server, served under /codec. */
  codec: CodecServerSettings;
  /** Requests per user per window under /v1; beyond it, 429. */
  rateLimit: RateLimitSettings;
  /** Resident counts per district, for childcare coverage (configuration: ONETHING_DISTRICT_RESIDENTS). */
  childcareResidents: Partial<Record<District, number>>;
  /** Where the API counts and times its requests (served by the process's metrics endpoint); none in most tests. */
  metrics?: Registry;
  /** The clerks' workbench at /workbench; not served when absent (most tests). */
  workbench?: WorkbenchSettings;
}
