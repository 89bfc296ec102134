import type { BeijingWeek } from '../../../workflows/kit/beijing-week';
import { PETITION_CATEGORIES, type PetitionCategory } from '../../../workflows/kit/department-words';
import type { Db } from '../../db/connection';
import type { CategoryShare, PetitionIndexPort, StoredWeeklyIndex, WeekFigures, WeeklyIndex } from './port';

interface CategoryRow {
  category: PetitionCategory;
  received: string;
  replied: string;
  completed: string;
}

interface IndexRow {
  week: string;
  starts_at: Date;
  ends_at: Date;
  received: number;
  replied: number;
  completed: number;
  categories: CategoryShare[];
  computed_at: Date;
  computations: number;
}

const TABLE = 'onething.petition_weekly_index';

export class PostgresPetitionIndex implements PetitionIndexPort {
  constructor(private readonly db: Db) {}

  async figures({ startsAt, endsAt }: BeijingWeek): Promise<WeekFigures> {
    // Instants are stored as UTC ISO 8601 strings, which compare as the instants they name.
    const { rows } = await this.db.raw<{ rows: CategoryRow[] }>(
      `SELECT details->>'category' AS category,
              count(*) AS received,
              count(*) FILTER (WHERE details->>'repliedAt' < :endsAt) AS replied,
              count(*) FILTER (WHERE details->>'completedAt' < :endsAt) AS completed
         FROM onething.cases
        WHERE process = 'petition' AND details->>'receivedAt' >= :startsAt AND details->>'receivedAt' < :endsAt
        GROUP BY 1`,
      { startsAt, endsAt },
    );
    const byCategory = Object.fromEntries(PETITION_CATEGORIES.map((c) => [c, 0])) as Record<
      PetitionCategory,
      number
    >;
    const figures: WeekFigures = { received: 0, replied: 0, completed: 0, byCategory };
    for (const row of rows) {
      byCategory[row.category] = Number(row.received);
      figures.received += Number(row.received);
      figures.replied += Number(row.replied);
      figures.completed += Number(row.completed);
    }
    return figures;
  }

  async save(index: WeeklyIndex): Promise<StoredWeeklyIndex> {
    await this.db(TABLE)
      .insert({
        week: index.week,
        starts_at: index.startsAt,
        ends_at: index.endsAt,
        received: index.received,
        replied: index.replied,
        completed: index.completed,
        categories: JSON.stringify(index.categories),
        computed_at: index.computedAt,
      })
      .onConflict('week')
      .merge({
        received: index.received,
        replied: index.replied,
        completed: index.completed,
        categories: JSON.stringify(index.categories),
        computed_at: index.computedAt,
        computations: this.db.raw(`${TABLE}.computations + 1`),
      });
    return (await this.find(index.week))!;
  }

  async find(week: string): Promise<StoredWeeklyIndex | undefined> {
    const row = await this.db<IndexRow>(TABLE).where({ week }).first();
    return (
      row && {
        week: row.week,
        startsAt: row.starts_at.toISOString(),
        endsAt: row.ends_at.toISOString(),
        received: row.received,
        replied: row.replied,
        completed: row.completed,
        categories: row.categories,
        computedAt: row.computed_at.toISOString(),
        computations: row.computations,
      }
    );
  }
}
