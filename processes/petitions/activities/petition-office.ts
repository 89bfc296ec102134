/** The petition office's calls from a petition case. */
import type { Department, District } from '../../../workflows/definitions';
import type { PetitionCategory } from '../workflow/contract';
import type { Adapters } from '../../../activities/adapters';
import type { CarryingCaseProgress } from '../../../activities/case-progress';
import type { createPetitionIndexActivities } from './weekly-index';
import type { createPublicSupervisionActivities } from './press-desk';

export function createPetitionActivities(adapters: Adapters) {
  return {
    /** The routing table's department for the category and district; the petition office itself when none. */
    async routePetition(request: { category: PetitionCategory; district: District }): Promise<Department> {
      return (
        (await adapters.petitionOffice.routeFor(request.category, request.district)) ?? 'petition-office'
      );
    },
  };
}

/** What the petition workflows may call: the petition office's, the weekly index's and the press desk's. */
export type PetitionActivities = CarryingCaseProgress<
  ReturnType<typeof createPetitionActivities> &
    ReturnType<typeof createPetitionIndexActivities> &
    ReturnType<typeof createPublicSupervisionActivities>
>;
