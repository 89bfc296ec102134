/**
 * One access-log line per request, through the platform's own logger: method, path without its query, status and
 * the caller's user ID; never the token, a header or the body (which here carries a phone and a name).
 */
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { Client, Connection } from '@temporalio/client';
import request from 'supertest';
import type { Db } from '../../activities/db/connection';
import { createLogger } from '../../platform/logging/logger';
import { bearer, householdStartBody, testApp } from '../helpers/api';
import { openTestDb } from '../helpers/database';

describe('the access log: one line per request, no bodies, no tokens', function () {
  let db: Db;
  const lines: Array<Record<string, unknown>> = [];
  const raw: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      raw.push(chunk.toString('utf8'));
      lines.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>);
      done();
    },
  });

  before(() => (db = openTestDb()));
  after(() => db?.destroy());

  it('logs who asked for what and how it ended, and nothing of what was sent', async function () {
    // Temporal is never reached: the request is refused on its own merits first.
    const client = new Client({ connection: Connection.lazy({ address: '127.0.0.1:1' }) });
    const app = testApp(client, db, 'unused', { logger: createLogger('info', 'onething-api', sink) });
    const token = await bearer({ sub: 'clerk-log', dept: 'health-commission', roles: ['clerk'] });
    const body = householdStartBody('JS-LOG-0001');
    const refused = await request(app)
      .post('/v1/gas-retrofit/households?via=window')
      .set('Authorization', token)
      .send(body);
    assert.equal(refused.status, 403);
    await request(app).get('/v1/tasks').set('Authorization', token);
    await request(app).get('/v1/tasks');

    const requests = lines.filter((line) => line.msg === 'request');
    assert.deepEqual(
      requests.map(({ req, res, userId }) => ({ req, res, userId })),
      [
        {
          req: { method: 'POST', path: '/v1/gas-retrofit/households' },
          res: { status: 403 },
          userId: 'clerk-log',
        },
        { req: { method: 'GET', path: '/v1/tasks' }, res: { status: 200 }, userId: 'clerk-log' },
        { req: { method: 'GET', path: '/v1/tasks' }, res: { status: 401 }, userId: undefined },
      ],
    );
    assert.ok(requests.every((line) => typeof line.responseTime === 'number' && line.time));
    const everything = raw.join('');
    for (const secret of [
      token.slice('Bearer '.length),
      body.contact.phone,
      body.contact.name,
      'via=window',
    ]) {
      assert.ok(!everything.includes(secret), 'a log line holds what the request carried');
    }
  });
});
