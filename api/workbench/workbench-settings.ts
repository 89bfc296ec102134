import path from 'node:path';
import { PROJECT_ROOT, type PlatformConfig } from '../../platform/config';
import type { WorkbenchSettings } from './workbench-router';

/** Where `npm run build:workbench` puts the workbench (vite's outDir in workbench/vite.config.ts). */
export const WORKBENCH_BUILD_DIR = path.join(PROJECT_ROOT, 'dist', 'workbench');

export function workbenchSettings(config: Pick<PlatformConfig, 'production' | 'jwt'>): WorkbenchSettings {
  return {
    assetsDir: WORKBENCH_BUILD_DIR,
    demoPeople: !config.production,
    ...(config.jwt.provider ? { provider: config.jwt.provider } : {}),
  };
}
