import type { Knex } from 'knex';
import type { Db } from '../../db/connection';
import {
  BOOKING_HORIZON_DAYS,
  NoInstallerCapacityError,
  type Booking,
  type BookSlotRequest,
  type CompletionReport,
  type InstallerPort,
  type InstallerTeam,
} from './port';

interface BookingRow {
  booking_id: string;
  team_id: string;
  day: string;
  status: string;
}

const toBooking = (row: BookingRow): Booking => ({
  bookingId: String(row.booking_id),
  teamId: row.team_id,
  day: row.day,
});
const TOMORROW_IN_BEIJING = `((now() AT TIME ZONE 'Asia/Shanghai')::date + 1)`;

export class PostgresInstaller implements InstallerPort {
  constructor(private readonly db: Db) {}

  async upsertTeams(teams: readonly InstallerTeam[]): Promise<void> {
    if (teams.length === 0) return;
    await this.db('installer.teams')
      .insert(
        teams.map((t) => ({ team_id: t.teamId, district: t.district, daily_capacity: t.dailyCapacity })),
      )
      .onConflict('team_id')
      .merge(['district', 'daily_capacity']);
  }

  bookSlot(request: BookSlotRequest): Promise<Booking> {
    return this.db.transaction(async (trx) => {
      const existing = (await trx('installer.bookings')
        .select('booking_id', 'team_id', trx.raw(`to_char(day, 'YYYY-MM-DD') AS day`), 'status')
        .where({ idempotency_key: request.idempotencyKey })
        .first()) as BookingRow | undefined;
      if (existing) return toBooking(existing);

      const picked = await this.takeFirstFreeSlot(trx, request);
      if (!picked) throw new NoInstallerCapacityError(request.district);
      const [row] = await trx('installer.bookings')
        .insert({
          idempotency_key: request.idempotencyKey,
          case_id: request.caseId,
          team_id: picked.team_id,
          day: picked.day,
        })
        .returning<Array<Pick<BookingRow, 'booking_id' | 'team_id'>>>(['booking_id', 'team_id']);
      return { bookingId: String(row!.booking_id), teamId: row!.team_id, day: picked.day };
    });
  }

  /** Increments one team-day's bookings, guarded by `booked < capacity` here and by a CHECK in the table. */
  private async takeFirstFreeSlot(
    trx: Knex.Transaction,
    request: BookSlotRequest,
  ): Promise<{ team_id: string; day: string } | undefined> {
    const from = request.earliestDay
      ? trx.raw(`GREATEST(?::date, ${TOMORROW_IN_BEIJING})`, [request.earliestDay])
      : trx.raw(TOMORROW_IN_BEIJING);
    await trx.raw(
      `INSERT INTO installer.team_days (team_id, day, capacity)
       SELECT t.team_id, d::date, t.daily_capacity
       FROM installer.teams t, generate_series(?, ? + ?::int, interval '1 day') d
       WHERE t.district = ?
       ON CONFLICT DO NOTHING`,
      [from, from, BOOKING_HORIZON_DAYS - 1, request.district],
    );
    const result = await trx.raw<{ rows: Array<{ team_id: string; day: string }> }>(
      `UPDATE installer.team_days td SET booked = td.booked + 1
       FROM (
         SELECT d.team_id, d.day FROM installer.team_days d JOIN installer.teams t USING (team_id)
         WHERE t.district = ? AND d.day >= ? AND d.day < ? + ?::int AND d.booked < d.capacity
         ORDER BY d.day, d.team_id
         LIMIT 1
         FOR UPDATE OF d SKIP LOCKED
       ) pick
       WHERE td.team_id = pick.team_id AND td.day = pick.day
       RETURNING td.team_id, to_char(td.day, 'YYYY-MM-DD') AS day`,
      [request.district, from, from, BOOKING_HORIZON_DAYS],
    );
    return result.rows[0];
  }

  async endBooking(bookingId: string, status: 'released' | 'missed'): Promise<void> {
    await this.db.transaction(async (trx) => {
      const [ended] = await trx('installer.bookings')
        .where({ booking_id: bookingId, status: 'booked' })
        .update({ status, updated_at: trx.fn.now() })
        .returning<Array<{ team_id: string; day: Date }>>(['team_id', 'day']);
      // Only a live booking frees its slot, and only once: a retried call finds it already ended.
      if (ended && status === 'released') {
        await trx('installer.team_days')
          .where({ team_id: ended.team_id, day: ended.day })
          .decrement('booked', 1);
      }
    });
  }

  async releaseByKey(idempotencyKey: string): Promise<void> {
    const booking = await this.db<{ booking_id: string }>('installer.bookings')
      .where('idempotency_key', idempotencyKey)
      .first('booking_id');
    if (booking) await this.endBooking(String(booking.booking_id), 'released');
  }

  /** One statement, so atomic without a transaction: only the first report under its key completes the booking. */
  async recordCompletion(report: CompletionReport): Promise<void> {
    await this.db.raw(
      `WITH report AS (
         INSERT INTO installer.completion_reports (idempotency_key, case_id, booking_id, serials, reported_by)
         VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (idempotency_key) DO NOTHING
         RETURNING booking_id
       )
       UPDATE installer.bookings b SET status = 'completed', updated_at = now()
       FROM report WHERE b.booking_id = report.booking_id`,
      [
        report.idempotencyKey,
        report.caseId,
        report.bookingId,
        JSON.stringify(report.serials),
        report.reportedBy,
      ],
    );
  }
}
