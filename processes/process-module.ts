/**
 * What one process brings to the platform, declared in its own folder (`processes/<name>/module.ts`) and listed
 * once in `processes/index.ts`. The entry points (worker, API app, audit, schedules at start-up) read that list;
 * nothing else needs to know which processes exist.
 */
import type { ScheduleOptions } from '@temporalio/client';
import type { Router } from 'express';
import type { ActivityDeps } from '../activities';
import type { Adapters } from '../activities/adapters';
import type { ApiDeps } from '../api/deps';
import type { ApiRoute } from '../api/openapi';
import type { CaseKind } from '../api/case-kinds';
import type { ProcessAuditProfile } from '../workflows/kit/audit-profile';
import type { DeclaredScope } from '../api/codec/codec-scopes';
import type { DemoLoader } from './demo-kit';

/** One HTTP surface: its operations (the OpenAPI document and the 405 answers are built from them) and its router. */
export interface ProcessApi {
  routes: readonly ApiRoute[];
  router: (deps: ApiDeps) => Router;
}

type ActivityFunctions = Record<string, (...args: never[]) => Promise<unknown>>;

export interface ProcessModule {
  /** The folder's name under processes/. */
  name: string;
  /** The workflow types it runs. */
  workflowTypes: readonly string[];
  /**
   * Its workflows file (`require.resolve('./workflow/workflows')`): bundle-safe, exporting exactly its workflow
   * types; the worker's bundle entry (workflows/index.ts) exports it.
   */
  workflowsPath: string;
  /** Its activities, over the shared department adapters. */
  activities: (deps: ActivityDeps) => ActivityFunctions;
  /**
   * The scope its payloads are encrypted under (named from its workflow IDs in platform/codec/payload-scope.ts, and
   * never renamed: stored payloads carry it) and the departments whose supervisors and auditors may read them
   * decoded in the Web UI, within their district's reach.
   */
  payloadScope: DeclaredScope;
  /** The kinds of case that staff handle one by one: what the clerks' workbench shows of them, in Chinese. */
  caseKinds: readonly CaseKind[];
  /** Its HTTP surfaces, in the order their routers are mounted (a literal path before a `:caseId` one). */
  api: readonly ProcessApi[];
  /**
   * Per process code its cases carry (the case registry's `process`), the stages a case ends at: the outcomes the
   * platform's metrics count as ended (`onething_cases_ended_total`).
   */
  endStages: Readonly<Record<string, readonly string[]>>;
  /** How auditors check its cases' histories: one per workflow type that pays or decides. */
  auditProfiles: readonly ProcessAuditProfile[];
  /** Its part of `npm run demo`: cases at every stage, loaded through the API. */
  demo?: DemoLoader;
  /** What its departments hold for the demo, seeded by `npm start` (idempotent). */
  demoSeed?: (adapters: Adapters) => Promise<void>;
  /** The Temporal Schedules it needs, created or updated at start-up. */
  schedules?: (taskQueue: string) => readonly ScheduleOptions[];
}
