import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { PostgresInstaller } from '../../activities/adapters/installer/postgres';
import type { Db } from '../../activities/db/connection';
import { clearInstallerTeams, openTestDb } from '../helpers/database';

describe('installer scheduling (PostgreSQL)', function () {
  let db: Db;
  let installer: PostgresInstaller;
  before(function () {
    db = openTestDb();
    installer = new PostgresInstaller(db);
  });
  after(() => db.destroy());

  // Each test gets its own district-sized world: teams with unique IDs in a district nobody else books in.
  async function teams(district: 'huiji' | 'gaoxin' | 'jingkai', capacities: number[]) {
    await clearInstallerTeams(db, district);
    const ids = capacities.map((_, i) => `${district}-team-${i}-${randomBytes(2).toString('hex')}`);
    await installer.upsertTeams(
      capacities.map((dailyCapacity, i) => ({ teamId: ids[i]!, district, dailyCapacity })),
    );
    return ids;
  }

  it('20 concurrent bookings never overbook a team-day and fill the earliest days', async function () {
    await teams('huiji', [2, 1]);
    const bookings = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        installer.bookSlot({
          idempotencyKey: `hj-case-${i}:booking:1`,
          caseId: `hj-case-${i}`,
          district: 'huiji',
        }),
      ),
    );
    assert.equal(new Set(bookings.map((b) => b.bookingId)).size, 20);
    const perTeamDay = new Map<string, number>();
    for (const b of bookings)
      perTeamDay.set(`${b.teamId}@${b.day}`, (perTeamDay.get(`${b.teamId}@${b.day}`) ?? 0) + 1);
    const rows = await db('installer.team_days')
      .join('installer.teams', 'installer.teams.team_id', 'installer.team_days.team_id')
      .where('installer.teams.district', 'huiji')
      .select('installer.team_days.*');
    for (const row of rows) assert.ok(row.booked <= row.capacity, 'never overbooked');
    // 3 slots a day: 20 bookings need 7 days. Concurrent bookers skip rows another holds locked, so one may
    // land a day later than strictly necessary; it never lands on a full day.
    const days = new Set(bookings.map((b) => b.day)).size;
    assert.ok(days >= 7 && days <= 10, `${days} days used`);
  });

  it('a retried booking returns the same slot without taking another', async function () {
    await teams('gaoxin', [1]);
    const first = await installer.bookSlot({
      idempotencyKey: 'gx-1:booking:1',
      caseId: 'gx-1',
      district: 'gaoxin',
    });
    const again = await installer.bookSlot({
      idempotencyKey: 'gx-1:booking:1',
      caseId: 'gx-1',
      district: 'gaoxin',
    });
    assert.deepEqual(again, first);
    const [row] = await db('installer.team_days').where({ team_id: first.teamId }).sum({ sum: 'booked' });
    assert.equal(Number(row?.sum), 1);
  });

  it('releasing frees the slot once; a missed visit keeps it used', async function () {
    const [team] = await teams('jingkai', [1]);
    const first = await installer.bookSlot({
      idempotencyKey: 'jk-1:booking:1',
      caseId: 'jk-1',
      district: 'jingkai',
    });
    await installer.endBooking(first.bookingId, 'released');
    await installer.endBooking(first.bookingId, 'released'); // a retry changes nothing
    const next = await installer.bookSlot({
      idempotencyKey: 'jk-2:booking:1',
      caseId: 'jk-2',
      district: 'jingkai',
    });
    assert.equal(next.day, first.day, 'the released slot is taken again');
    await installer.endBooking(next.bookingId, 'missed');
    const third = await installer.bookSlot({
      idempotencyKey: 'jk-3:booking:1',
      caseId: 'jk-3',
      district: 'jingkai',
    });
    assert.notEqual(third.day, next.day, 'a missed visit used its slot');
    const dayRow = await db('installer.team_days').where({ team_id: team, day: first.day }).first();
    assert.equal(dayRow.booked, 1);
  });

  it('the database refuses an overbooked team-day and a second live booking for a case', async function () {
    const [team] = await teams('jingkai', [1]);
    const booking = await installer.bookSlot({
      idempotencyKey: 'jk-x:booking:1',
      caseId: 'jk-x',
      district: 'jingkai',
    });
    await assert.rejects(
      db('installer.team_days').where({ team_id: team, day: booking.day }).increment('booked', 1),
      /team_days_never_overbooked/,
    );
    await assert.rejects(
      db('installer.bookings').insert({
        idempotency_key: 'other',
        case_id: 'jk-x',
        team_id: team,
        day: booking.day,
      }),
      /bookings_one_live_per_case/,
    );
  });

  it('a completion report is recorded once and completes its booking, even when repeated concurrently', async function () {
    await teams('jingkai', [5]);
    const caseId = `jk-done-${randomBytes(2).toString('hex')}`;
    const booking = await installer.bookSlot({
      idempotencyKey: `${caseId}:booking:1`,
      caseId,
      district: 'jingkai',
    });
    const report = {
      idempotencyKey: `${caseId}:installation`,
      caseId,
      bookingId: booking.bookingId,
      serials: { valve: 'V-1' },
      reportedBy: 'fitter-1',
    };
    await Promise.all(Array.from({ length: 4 }, () => installer.recordCompletion(report)));
    const reports = await db('installer.completion_reports').where({ case_id: caseId });
    assert.equal(reports.length, 1);
    assert.deepEqual(reports[0].serials, { valve: 'V-1' });
    const [stored] = await db('installer.bookings').where({ booking_id: booking.bookingId });
    assert.equal(stored.status, 'completed');
  });

  it('a district without teams has no capacity', async function () {
    await teams('gaoxin', []);
    await assert.rejects(
      installer.bookSlot({ idempotencyKey: 'gx-none:booking:1', caseId: 'gx-none', district: 'gaoxin' }),
      /no installer team in gaoxin has a free slot/,
    );
  });
});
