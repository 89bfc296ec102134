import type { BeijingWeek } from '../../../workflows/kit/beijing-week';
import type {
  StoredWeeklyIndex,
  WeekFigures,
  WeeklyIndex,
} from '../../../processes/petitions/workflow/weekly-index';

/** The weekly index's figures, counted from the platform's case registry, and the index as published. */
export interface PetitionIndexPort {
  /** Petitions received in the week; of those, replied and completed before the week's end; by category. */
  figures(week: BeijingWeek): Promise<WeekFigures>;
  /** Stores the week's index, replacing an earlier computation of the same week. */
  save(index: WeeklyIndex): Promise<StoredWeeklyIndex>;
  find(week: string): Promise<StoredWeeklyIndex | undefined>;
}
