import type { Db } from '../../db/connection';
import type { CasesAtStage, OpenTaskCount, PartyBookings, PartyLedger, PlatformFiguresPort } from './port';

export class PostgresPlatformFigures implements PlatformFiguresPort {
  constructor(private readonly db: Db) {}

  async casesByStage(): Promise<CasesAtStage[]> {
    const rows = await this.db('onething.cases')
      .select('process', 'stage')
      .count<{ process: string; stage: string; count: string }[]>({ count: '*' })
      .groupBy('process', 'stage');
    return rows.map((row) => ({ process: row.process, stage: row.stage, cases: Number(row.count) }));
  }

  async openTasks(): Promise<OpenTaskCount[]> {
    const { rows } = await this.db.raw<{ rows: (Omit<OpenTaskCount, 'open' | 'overdue'> & Counts)[] }>(`
      SELECT coalesce(c.process, 'unknown') AS process, t.kind, t.department, t.escalation_rung AS rung,
             count(*) AS open, count(*) FILTER (WHERE t.due_at < now()) AS overdue
      FROM onething.tasks t LEFT JOIN onething.cases c ON c.case_id = t.case_id
      WHERE t.status = 'open'
      GROUP BY 1, 2, 3, 4`);
    return rows.map((row) => ({ ...row, open: Number(row.open), overdue: Number(row.overdue) }));
  }

  async bookings(ledgers: readonly PartyLedger[]): Promise<PartyBookings[]> {
    return Promise.all(
      ledgers.map(async ({ party, table }) => {
        // `??` quotes the table as an identifier: the names come from the processes' audit profiles.
        const { rows } = await this.db.raw<{ rows: Record<keyof Omit<PartyBookings, 'party'>, string>[] }>(
          `SELECT count(*) FILTER (WHERE entry = 'booking') AS bookings,
                  coalesce(sum(amount_fen) FILTER (WHERE entry = 'booking'), 0) AS "bookedFen",
                  count(*) FILTER (WHERE entry = 'reversal') AS reversals,
                  coalesce(-sum(amount_fen) FILTER (WHERE entry = 'reversal'), 0) AS "reversedFen"
           FROM ??`,
          [table],
        );
        const row = rows[0]!;
        return {
          party,
          bookings: Number(row.bookings),
          bookedFen: Number(row.bookedFen),
          reversals: Number(row.reversals),
          reversedFen: Number(row.reversedFen),
        };
      }),
    );
  }

  async lastLoadedCalendarYear(): Promise<number | undefined> {
    const row = await this.db('onething.calendar_years').max<{ max: number | null }>({ max: 'year' }).first();
    return row?.max ?? undefined;
  }
}

type Counts = { open: string; overdue: string };
