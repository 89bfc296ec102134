import type { BeijingWeek } from '../../../workflows/kit/beijing-week';
import type { PetitionCategory } from '../../../workflows/kit/department-words';

export interface CategoryShare {
  category: PetitionCategory;
  count: number;
  /** Whole percent; the week's percents sum to 100 (largest remainder), or all 0 in a week with no petitions. */
  percent: number;
}

export interface WeekFigures {
  received: number;
  replied: number;
  completed: number;
  byCategory: Record<PetitionCategory, number>;
}

export interface WeeklyIndex extends Omit<WeekFigures, 'byCategory'> {
  week: string;
  startsAt: string;
  endsAt: string;
  categories: CategoryShare[];
  computedAt: string;
}

/** As stored: how many times the week has been computed, the schedule's run and any recomputation. */
export interface StoredWeeklyIndex extends WeeklyIndex {
  computations: number;
}

/** The weekly index's figures, counted from the platform's case registry, and the index as published. */
export interface PetitionIndexPort {
  /** Petitions received in the week; of those, replied and completed before the week's end; by category. */
  figures(week: BeijingWeek): Promise<WeekFigures>;
  /** Stores the week's index, replacing an earlier computation of the same week. */
  save(index: WeeklyIndex): Promise<StoredWeeklyIndex>;
  find(week: string): Promise<StoredWeeklyIndex | undefined>;
}
