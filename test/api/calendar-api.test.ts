import assert from 'node:assert/strict';
import { Client, Connection } from '@temporalio/client';
import type { Express } from 'express';
import request from 'supertest';
import type { Db } from '../../activities/db/connection';
import { bearer, testApp } from '../helpers/api';
import { openTestDb } from '../helpers/database';

describe('calendar API: a city supervisor loads a newly published year', function () {
  let db: Db;
  let app: Express;
  const year = 2091 + (process.pid % 8);
  const url = `/v1/calendar/years/${year}`;
  const citySupervisor = () =>
    bearer({ sub: 'sup-cal', dept: 'big-data-bureau', district: 'city', roles: ['supervisor'] });
  // A Saturday of the year that is not the New Year holiday, for a valid make-up working day.
  const saturday = (() => {
    const day = new Date(Date.UTC(year, 0, 2));
    while (day.getUTCDay() !== 6) day.setUTCDate(day.getUTCDate() + 1);
    return day.toISOString().slice(0, 10);
  })();

  before(function () {
    db = openTestDb();
    // The calendar needs no Temporal; the client points nowhere.
    app = testApp(new Client({ connection: Connection.lazy({ address: '127.0.0.1:1' }) }), db, 'unused');
  });
  after(async function () {
    await db('onething.calendar_years').where({ year }).delete();
    await db?.destroy();
  });

  it('answers 404 for a year nobody has published, and the package’s years as such', async function () {
    const auth = await bearer();
    assert.equal((await request(app).get(url).set('Authorization', auth)).status, 404);
    const known = await request(app).get('/v1/calendar/years/2026').set('Authorization', auth);
    assert.equal(known.status, 200);
    assert.equal(known.body.source, 'package');
    assert.ok(known.body.holidays.includes('2026-10-01'));
    assert.ok(known.body.makeUpWorkdays.includes('2026-10-10'));
  });

  it('loads a year for the city’s big-data bureau only; other departments’ supervisors, its district staff and clerks get 403', async function () {
    const body = { holidays: [`${year}-01-01`], makeUpWorkdays: [saturday] };
    for (const claims of [
      { sub: 'sup-gas', dept: 'gas-safety-office', district: 'city', roles: ['supervisor'] },
      { sub: 'sup-hc', dept: 'health-commission', district: 'city', roles: ['supervisor'] },
      { sub: 'sup-bd-js', dept: 'big-data-bureau', district: 'jinshui', roles: ['supervisor'] },
      { sub: 'clerk-city', dept: 'gas-company', district: 'city', roles: ['clerk'] },
    ] satisfies Array<Parameters<typeof bearer>[0]>) {
      const refused = await request(app)
        .put(url)
        .set('Authorization', await bearer(claims))
        .send(body);
      assert.equal(refused.status, 403, claims.sub);
    }
    const loaded = await request(app)
      .put(url)
      .set('Authorization', await citySupervisor())
      .send(body);
    assert.equal(loaded.status, 200, JSON.stringify(loaded.body));
    assert.deepEqual(loaded.body, {
      year,
      holidays: [`${year}-01-01`],
      makeUpWorkdays: [saturday],
      source: 'city',
    });
    const read = await request(app)
      .get(url)
      .set('Authorization', await bearer());
    assert.equal(read.body.source, 'city');
  });

  it('refuses a schedule that breaks the calendar’s rules, naming each field, and keeps what was loaded', async function () {
    const before = (
      await request(app)
        .get(url)
        .set('Authorization', await bearer())
    ).body as unknown;
    const res = await request(app)
      .put(url)
      .set('Authorization', await citySupervisor())
      .send({
        holidays: [`${year}-01-01`, `${year}-01-01`, `${year + 1}-01-01`],
        makeUpWorkdays: [
          `${year}-01-01`,
          `${year}-01-0${[2, 3, 4, 5, 6, 7, 8].find((d) => new Date(Date.UTC(year, 0, d)).getUTCDay() === 3)}`,
        ],
      });
    assert.equal(res.status, 400);
    const problems = (res.body.error.problems as Array<{ field: string; rule: string }>).map(
      (p) => `${p.field}: ${p.rule}`,
    );
    assert.ok(problems.includes('holidays.1: must not be listed twice'), problems.join('\n'));
    assert.ok(problems.includes(`holidays.2: must be a day of ${year}`));
    assert.ok(problems.some((p) => p.startsWith('makeUpWorkdays.0: must not also be a holiday')));
    assert.ok(problems.some((p) => p.startsWith('makeUpWorkdays.1: must be a Saturday or Sunday')));
    assert.deepEqual(
      (
        await request(app)
          .get(url)
          .set('Authorization', await bearer())
      ).body,
      before,
    );
    assert.equal(
      (
        await request(app)
          .put('/v1/calendar/years/1999')
          .set('Authorization', await citySupervisor())
          .send({ holidays: ['1999-01-01'], makeUpWorkdays: [] })
      ).status,
      400,
    );
  });
});
