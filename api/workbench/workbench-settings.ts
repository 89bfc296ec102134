import path from 'node:path';
import { PROJECT_ROOT, type PlatformConfig } from '../../platform/config';
import type { WorkbenchSettings } from './workbench-router';

/**
 * Where `npm run build:workbench` puts the workbench (vite's outDir in workbench/vite.config.mts): dist/workbench,
 * beside the compiled code of `npm run build` — whose own PROJECT_ROOT is dist/ when the API runs compiled.
 */
const DIST = path.basename(PROJECT_ROOT) === 'dist' ? PROJECT_ROOT : path.join(PROJECT_ROOT, 'dist');
export const WORKBENCH_BUILD_DIR = path.join(DIST, 'workbench');

export function workbenchSettings(config: Pick<PlatformConfig, 'production' | 'jwt'>): WorkbenchSettings {
  return {
    assetsDir: WORKBENCH_BUILD_DIR,
    demoPeople: !config.production,
    ...(config.jwt.provider ? { provider: config.jwt.provider } : {}),
  };
}
