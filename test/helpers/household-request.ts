/** A clerk's request to start a household case (POST /v1/gas-retrofit/households) for an account of the district. */
import type { District } from '../../workflows/definitions';

export interface ResidentContact {
  name: string;
  phone: string;
  address: string;
}

export const householdRequest = (district: District, accountRef: string, contact: ResidentContact) => ({
  district,
  accountRef,
  userType: 'residential-pipeline',
  channel: 'window',
  items: { valve: true, hoseLengthM: 1.5 },
  contact,
});
