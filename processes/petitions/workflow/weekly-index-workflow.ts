/**
 * One computation of the weekly index. A Temporal Schedule starts it every Monday for the week just ended; a
 * supervisor's recomputation or a backfill starts it for a named week, or for the week before its scheduled time.
 */
import { SearchAttributeType, defineSearchAttributeKey } from '@temporalio/common';
import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { PetitionActivities } from '../activities/petition-office';
import { weekBefore } from '../../../workflows/kit/beijing-week';
import type { StoredWeeklyIndex, WeeklyIndexInput } from './weekly-index';

const { computePetitionWeeklyIndex } = proxyActivities<PetitionActivities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '5 seconds', maximumInterval: '2 minutes' },
  summary: '心通桥指数',
});

/** Set by the server on every run a Schedule starts (a backfilled run carries the time it stands in for). */
const SCHEDULED_START = defineSearchAttributeKey('TemporalScheduledStartTime', SearchAttributeType.DATETIME);

export async function petitionWeeklyIndex(input: WeeklyIndexInput = {}): Promise<StoredWeeklyIndex> {
  const info = workflowInfo();
  const scheduledAt = info.typedSearchAttributes.get(SCHEDULED_START) ?? info.startTime;
  return computePetitionWeeklyIndex({ week: input.week ?? weekBefore(scheduledAt) });
}
