import type { Db } from '../../db/connection';
import { packageSchedule } from '../../calendar/package-schedules';
import type { YearSchedule } from '../../calendar/working-days';
import type { CalendarPort, PublishYear } from './port';

interface CalendarYearRow {
  year: number;
  holidays: Date[];
  make_up_workdays: Date[];
}

const isoDay = (date: Date) => date.toISOString().slice(0, 10);
const TABLE = 'onething.calendar_years';

export class PostgresCalendar implements CalendarPort {
  constructor(
    private readonly db: Db,
    private readonly fallback: (year: number) => YearSchedule | undefined = packageSchedule,
  ) {}

  async scheduleFor(year: number): Promise<YearSchedule | undefined> {
    const row = await this.db<CalendarYearRow>(TABLE).where({ year }).first();
    if (!row) return this.fallback(year);
    return {
      year,
      holidays: row.holidays.map(isoDay).sort(),
      makeUpWorkdays: row.make_up_workdays.map(isoDay).sort(),
      source: 'city',
    };
  }

  async publishYear(request: PublishYear): Promise<YearSchedule> {
    await this.db(TABLE)
      .insert({
        year: request.year,
        holidays: [...request.holidays],
        make_up_workdays: [...request.makeUpWorkdays],
        published_by: request.publishedBy,
      })
      .onConflict('year')
      .merge(['holidays', 'make_up_workdays', 'published_by', 'published_at']);
    return (await this.scheduleFor(request.year))!;
  }
}
