/** The one list of processes. Adding a process: its folder with a module.ts, and one line here. */
import { childcare } from './childcare/module';
import { gasRetrofit } from './gas-retrofit/module';
import { petitions } from './petitions/module';
import { policyPayout } from './policy-payout/module';
import type { ProcessModule } from './process-module';

export type { ProcessModule } from './process-module';

export const PROCESS_MODULES: readonly ProcessModule[] = [gasRetrofit, childcare, petitions, policyPayout];

/** Every process's Temporal Schedules, for start-up (platform/schedules.ts creates or updates them). */
export const processSchedules = (taskQueue: string) =>
  PROCESS_MODULES.flatMap((module) => module.schedules?.(taskQueue) ?? []);

/** Every process's audit profiles, by workflow type. */
export const processAuditProfiles = () => PROCESS_MODULES.flatMap((module) => module.auditProfiles);
