/** The petition office's calls from a petition case. */
import type { Department, District } from '../workflows/definitions';
import type { PetitionCategory } from '../workflows/petitions/contract';
import type { Adapters } from './adapters';

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
