import type { District } from '../../../workflows/definitions';
import type { Db } from '../../db/connection';
import type { CivilAffairsPort, Community } from './port';

export class PostgresCivilAffairs implements CivilAffairsPort {
  constructor(private readonly db: Db) {}

  async communityExists(community: Community): Promise<boolean> {
    return (
      (await this.db('civil_affairs.communities')
        .where({ ...community })
        .first()) !== undefined
    );
  }

  async streets(district: District): Promise<string[]> {
    const rows = await this.db<{ district: string; street: string }>('civil_affairs.communities')
      .where({ district })
      .distinct('street')
      .orderBy('street');
    return rows.map((row) => row.street);
  }

  async communities(district: District): Promise<string[]> {
    const rows = await this.db<{ district: string; community: string }>('civil_affairs.communities')
      .where({ district })
      .distinct('community')
      .orderBy('community');
    return rows.map((row) => row.community);
  }

  async upsertCommunities(communities: readonly Community[]): Promise<void> {
    if (communities.length === 0) return;
    await this.db('civil_affairs.communities')
      .insert(communities.map((c) => ({ ...c })))
      .onConflict(['district', 'street', 'community'])
      .ignore();
  }
}
