import type { District } from '../../../workflows/definitions';

export interface Community {
  district: District;
  street: string;
  community: string;
}

/** Civil affairs (民政局): the communities that exist, by district and street. */
export interface CivilAffairsPort {
  communityExists(community: Community): Promise<boolean>;
  upsertCommunities(communities: readonly Community[]): Promise<void>;
  /** The district's streets and townships that have communities on the list. */
  streets(district: District): Promise<string[]>;
  /** The district's communities on the list. */
  communities(district: District): Promise<string[]>;
}
