import assert from 'node:assert/strict';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import express from 'express';
import pino from 'pino';
import type { Registry } from 'prom-client';
import { signToken, type Claims, type JwtSettings } from '../../api/auth';
import { createApp } from '../../api/app';
import { createPostgresAdapters } from '../../activities/adapters';
import type { Db } from '../../activities/db/connection';
import type { CodecServerSettings } from '../../api/codec/codec-router';
import type { ApiDeps } from '../../api/deps';
import { AesGcmPayloadCodec } from '../../platform/codec/payload-codec';
import { contractCheck } from './contract';
import type { District } from '../../workflows/definitions';
import { TEST_PAYLOAD_KEYS } from './temporal';

export const TEST_JWT: JwtSettings = {
  secret: new TextEncoder().encode('test-signing-key-that-is-at-least-32-chars'),
  issuer: 'onething',
  audience: 'onething-api',
  // Long enough for the 2,000-household campaign on a busy CI machine; expiry is tested with forged tokens.
  tokenTtl: '2h',
};

export const TEST_UI_ORIGIN = 'http://127.0.0.1:8233';

/** What a test may change in the API it builds; everything else is the test defaults below. */
export interface TestAppOptions {
  rateLimit?: { limit: number; windowMs: number };
  childcareResidents?: Partial<Record<District, number>>;
  logger?: pino.Logger;
  /** Settings of the codec server beyond the test defaults. */
  codec?: Partial<CodecServerSettings>;
  metrics?: Registry;
  workbench?: ApiDeps['workbench'];
  jwt?: ApiDeps['jwt'];
}

export function testApp(client: Client, db: Db, taskQueue: string, options: TestAppOptions = {}) {
  const {
    rateLimit = { limit: 1_000_000, windowMs: 60_000 },
    childcareResidents = {},
    logger = pino({ level: 'silent' }),
    codec = {},
    metrics,
    workbench,
    jwt = TEST_JWT,
  } = options;
  const app = express();
  // Every exchange a test makes is checked against the OpenAPI document (test/setup/contract-hooks.ts).
  app.use(contractCheck());
  app.use(
    createApp({
      client,
      db,
      adapters: createPostgresAdapters(db),
      logger,
      jwt,
      taskQueue,
      bodyLimit: '16kb',
      codec: {
        payloadCodec: new AesGcmPayloadCodec(TEST_PAYLOAD_KEYS),
        namespace: client.options.namespace,
        allowedOrigins: [TEST_UI_ORIGIN],
        publicEndpoint: 'http://127.0.0.1:3000/codec',
        cookie: { crossSite: false },
        bodyLimit: '1mb',
        refusalLimit: { limit: 1_000_000, windowMs: 60_000 },
        ...codec,
      },
      rateLimit,
      childcareResidents,
      ...(metrics ? { metrics } : {}),
      ...(workbench ? { workbench } : {}),
    }),
  );
  return app;
}

export async function bearer(claims: Partial<Claims> = {}): Promise<string> {
  const token = await signToken(
    {
      sub: 'clerk-1',
      name: 'Test Clerk',
      dept: 'gas-company',
      district: 'jinshui',
      roles: ['clerk'],
      ...claims,
    },
    TEST_JWT,
  );
  return `Bearer ${token}`;
}

/** Nothing was started under the workflow ID: describing it finds no execution (visibility may lag; this does not). */
export async function assertNeverStarted(client: Client, workflowId: string): Promise<void> {
  await assert.rejects(client.workflow.getHandle(workflowId).describe(), WorkflowNotFoundError, workflowId);
}

/** A valid body for starting a residential household case (made-up contact data). */
export function householdStartBody(accountRef: string, district = 'jinshui') {
  return {
    district,
    accountRef,
    userType: 'residential-pipeline',
    channel: 'app',
    items: { valve: true, hoseLengthM: 2 },
    contact: { name: '王小明', phone: '13812345678', address: '金水区花园路 8 号 3 单元 501' },
  };
}
