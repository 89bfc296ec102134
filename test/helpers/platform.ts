/** Runs `npm start` (scripts/platform.ts) as a user would, on free ports, for end-to-end tests. */
import path from 'node:path';
import { PROJECT_ROOT } from '../../platform/config';
import { freePort, runProcess, type RunningProcess } from './processes';

export interface PlatformPorts {
  temporal: number;
  ui: number;
  api: number;
  metrics: number;
  apiMetrics: number;
}

export async function platformEnv(
  dataDir: string,
  databaseUrl: string,
  overrides: NodeJS.ProcessEnv = {},
): Promise<{ env: NodeJS.ProcessEnv; ports: PlatformPorts }> {
  const ports = {
    temporal: await freePort(),
    ui: await freePort(),
    api: await freePort(),
    metrics: await freePort(),
    apiMetrics: await freePort(),
  };
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    TEMPORAL_CONFIG_FILE: path.join(dataDir, 'no-temporal-profile.toml'),
    TEMPORAL_ADDRESS: `127.0.0.1:${ports.temporal}`,
    TEMPORAL_UI_PORT: String(ports.ui),
    API_PORT: String(ports.api),
    WORKER_METRICS_PORT: String(ports.metrics),
    API_METRICS_PORT: String(ports.apiMetrics),
    ONETHING_DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: 'info',
    ...overrides,
  };
  return { env, ports };
}

export function launchPlatform(env: NodeJS.ProcessEnv): RunningProcess {
  return runProcess(
    process.execPath,
    ['--import', 'tsx', path.join(PROJECT_ROOT, 'scripts', 'platform.ts')],
    env,
    PROJECT_ROOT,
  );
}

export const PLATFORM_READY = /Press Ctrl-C to stop everything/;
