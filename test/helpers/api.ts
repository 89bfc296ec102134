import type { Client } from '@temporalio/client';
import pino from 'pino';
import { signToken, type Claims, type JwtSettings } from '../../api/auth';
import { createApp } from '../../api/app';
import { createPostgresAdapters } from '../../activities/adapters';
import type { Db } from '../../activities/db/connection';

export const TEST_JWT: JwtSettings = {
  secret: new TextEncoder().encode('test-signing-key-that-is-at-least-32-chars'),
  issuer: 'onething',
  audience: 'onething-api',
  tokenTtl: '10m',
};

export function testApp(client: Client, db: Db, taskQueue: string) {
  return createApp({
    client,
    db,
    adapters: createPostgresAdapters(db),
    logger: pino({ level: 'silent' }),
    jwt: TEST_JWT,
    taskQueue,
    bodyLimit: '16kb',
  });
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
