import type { Client } from '@temporalio/client';
import type { Logger } from 'pino';
import type { Db } from '../activities/db/connection';
import type { JwtSettings } from './auth';

export interface ApiDeps {
  client: Client;
  db: Db;
  logger: Logger;
  jwt: JwtSettings;
  taskQueue: string;
  /** express.json size limit, e.g. `64kb`; larger bodies are answered 413. */
  bodyLimit: string;
}
