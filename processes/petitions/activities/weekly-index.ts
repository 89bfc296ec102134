/** The weekly index (心通桥指数), computed from the case registry and stored: the same week twice gives one row. */
import { ApplicationFailure } from '@temporalio/activity';
import { beijingWeek } from '../../../workflows/kit/beijing-week';
import { categoryShares, type StoredWeeklyIndex } from '../workflow/weekly-index';
import type { Adapters } from '../../../activities/adapters';

export function createPetitionIndexActivities(adapters: Adapters) {
  return {
    async computePetitionWeeklyIndex({ week }: { week: string }): Promise<StoredWeeklyIndex> {
      const bounds = beijingWeek(week);
      if (!bounds) {
        throw ApplicationFailure.nonRetryable(`week: ${week} is not an ISO week (YYYY-Www)`, 'InvalidWeek');
      }
      const { byCategory, ...totals } = await adapters.petitionIndex.figures(bounds);
      return adapters.petitionIndex.save({
        ...bounds,
        ...totals,
        categories: categoryShares(byCategory),
        computedAt: new Date().toISOString(),
      });
    },
  };
}
