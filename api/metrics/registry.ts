/**
 * The API process's scrape endpoint: its requests (http-metrics.ts), Node's own figures, and the platform's
 * (platform-metrics.ts) from what every process declares: the stages its cases end at and the
 * ledgers its payments are booked in. The worker's SDK metrics are scraped from the worker's own endpoint.
 */
import { collectDefaultMetrics, Registry } from 'prom-client';
import { packageSchedule } from '../../activities/calendar/package-schedules';
import { PostgresPlatformFigures } from '../../activities/adapters/platform-figures/postgres';
import type { PartyLedger } from '../../activities/adapters/platform-figures/port';
import type { Db } from '../../activities/db/connection';
import { registerPlatformMetrics } from './platform-metrics';
import { PROCESS_MODULES } from '../../processes';

/** Each paying party's ledger once (two processes may pay from the same one: district finance's). */
function payingLedgers(): PartyLedger[] {
  const byTable = new Map<string, PartyLedger>();
  for (const profile of PROCESS_MODULES.flatMap((module) => module.auditProfiles)) {
    for (const [party, table] of Object.entries(profile.ledgers)) byTable.set(table, { party, table });
  }
  return [...byTable.values()];
}

/** The latest year the calendar package has a schedule for, looked for from two years ahead down to last year. */
function packageCalendarLastYear(): number | undefined {
  const thisYear = new Date().getUTCFullYear();
  for (let year = thisYear + 2; year >= thisYear - 1; year -= 1) if (packageSchedule(year)) return year;
  return undefined;
}

export function apiMetricsRegistry(db: Db): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'onething_api_' });
  registerPlatformMetrics(registry, {
    figures: new PostgresPlatformFigures(db),
    endStages: new Map(PROCESS_MODULES.flatMap((module) => Object.entries(module.endStages))),
    ledgers: payingLedgers(),
    packageCalendarLastYear,
  });
  return registry;
}
