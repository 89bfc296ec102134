import type { Department, District } from '../../../workflows/definitions';
import type { PetitionCategory } from '../../../workflows/kit/department-words';

export interface Route {
  category: PetitionCategory;
  district: District;
  department: Department;
  updatedBy: string;
}

/** A post as the citizen wrote it: personal data and free text, kept here and never sent to Temporal. */
export interface StoredPetition {
  caseId: string;
  text: string;
  location: string;
  contact: { name: string; phone: string };
  receivedAt: string;
}

/** The petition office (信访局): the routing table and the posts. */
export interface PetitionOfficePort {
  /** The responsible department for a category in a district; undefined when the table has no route. */
  routeFor(category: PetitionCategory, district: District): Promise<Department | undefined>;
  setRoute(route: Route): Promise<void>;
  routes(): Promise<Route[]>;
  /** Keeps the post (idempotent on the case). */
  savePetition(petition: StoredPetition): Promise<void>;
  petition(caseId: string): Promise<StoredPetition | undefined>;
}
