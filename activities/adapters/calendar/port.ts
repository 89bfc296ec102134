import type { YearSchedule } from '../../calendar/working-days';

export interface PublishYear {
  year: number;
  holidays: readonly string[];
  makeUpWorkdays: readonly string[];
  publishedBy: string;
}

/** The working-day calendar: the city's loaded schedules, over the calendar package's data. */
export interface CalendarPort {
  /** The schedule for the year, the city's if it loaded one, else the package's; undefined when neither has it. */
  scheduleFor(year: number): Promise<YearSchedule | undefined>;
  /** Loads (or replaces) a year's schedule as the State Council published it. */
  publishYear(request: PublishYear): Promise<YearSchedule>;
}
