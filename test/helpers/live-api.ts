/** A suite that drives the API on a real dev server, with a real worker, on a scratch database of its own. */
import assert from 'node:assert/strict';
import { Client, Connection } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { District } from '../../workflows/definitions';
import type { Express } from 'express';
import request from 'supertest';
import { createPostgresAdapters, type Adapters } from '../../activities/adapters';
import { createDb, type Db } from '../../activities/db/connection';
import { migrateToLatest } from '../../activities/db/migrate';
import { testApp } from './api';
import { createScratchDatabase } from './database';
import { runTestWorker, startDevServer, uniqueTaskQueue, type RunningTestWorker } from './temporal';

export interface LiveApi {
  env: TestWorkflowEnvironment;
  db: Db;
  adapters: Adapters;
  app: Express;
  taskQueue: string;
}

/** Registers the suite's before/after hooks; the returned object is filled in once `before` has run. */
export function useLiveApi(label: string): LiveApi {
  const live = {} as LiveApi;
  let worker: RunningTestWorker | undefined;
  let drop: (() => Promise<void>) | undefined;
  before(async function () {
    const scratch = await createScratchDatabase(label);
    drop = scratch.drop;
    live.db = createDb(scratch.url, { poolMax: 5 });
    await migrateToLatest(live.db);
    live.adapters = createPostgresAdapters(live.db);
    live.env = await startDevServer();
    live.taskQueue = uniqueTaskQueue(label);
    worker = await runTestWorker(live.env, live.taskQueue, live.adapters);
    live.app = testApp(live.env.client, live.db, live.taskQueue);
  });
  after(async function () {
    await worker?.stop();
    await live.env?.teardown();
    await live.db?.destroy();
    await drop?.();
  });
  return live;
}

/** Reads a case through the API until `until` holds (its follow-on work runs after a decision is answered). */
export async function waitForCase(
  app: Express,
  url: string,
  auth: string,
  until: (body: Record<string, unknown>) => boolean,
): Promise<Record<string, unknown>> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const res = await request(app).get(url).set('Authorization', auth);
    if (res.status === 200 && until(res.body as Record<string, unknown>))
      return res.body as Record<string, unknown>;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.fail(`${url} never reached the expected state`);
}

export interface ScratchApi {
  db: Db;
  adapters: Adapters;
  app: Express;
  drop: () => Promise<void>;
}

/**
 * The API on a scratch database of its own and no Temporal (the client points nowhere): for routes that only read
 * and write department systems, whose figures must be exactly the test's own.
 */
export async function openScratchApi(
  label: string,
  residents: Partial<Record<District, number>> = {},
): Promise<ScratchApi> {
  const scratch = await createScratchDatabase(label);
  const db = createDb(scratch.url, { poolMax: 3 });
  await migrateToLatest(db);
  const client = new Client({ connection: Connection.lazy({ address: '127.0.0.1:1' }) });
  return {
    db,
    adapters: createPostgresAdapters(db),
    app: testApp(client, db, 'unused', { childcareResidents: residents }),
    drop: async () => {
      await db.destroy();
      await scratch.drop();
    },
  };
}
