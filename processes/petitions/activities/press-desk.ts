/** The public supervision desk's records (观观督办), written from a petition case. */
import type { Adapters } from '../../../activities/adapters';
import type {
  FollowUpCall,
  PublishedOutcome,
  SiteVisit,
  TakeUp,
} from '../../../activities/adapters/public-supervision/port';

export function createPublicSupervisionActivities(adapters: Adapters) {
  return {
    async recordPressTakeUp(takeUp: TakeUp): Promise<void> {
      await adapters.publicSupervision.recordTakeUp(takeUp);
    },
    async recordPressVisit(visit: SiteVisit): Promise<void> {
      await adapters.publicSupervision.recordVisit(visit);
    },
    async recordPressCall(call: FollowUpCall): Promise<void> {
      await adapters.publicSupervision.recordCall(call);
    },
    /** The story as the desk holds it: a retried publication returns the first one. */
    async publishPressOutcome(outcome: PublishedOutcome): Promise<PublishedOutcome> {
      return adapters.publicSupervision.publish(outcome);
    },
  };
}
