import { RETROFIT_DISTRICT_CODES, type RetrofitDistrict } from '../../workflows/kit/vocabulary';
import { GAS_USER_TYPES, type GasUserType } from './workflow/contract';
import type { GasAccount } from '../../activities/adapters/gas-company/port';
import type { InstallerTeam } from '../../activities/adapters/installer/port';

/** Account-number prefixes the demo gas company uses per district. */
const DEMO_ACCOUNT_PREFIX: Record<RetrofitDistrict, string> = {
  zhongyuan: 'ZY',
  erqi: 'EQ',
  jinshui: 'JS',
  guancheng: 'GC',
  huiji: 'HJ',
  zhengdong: 'ZD',
  gaoxin: 'GX',
  jingkai: 'JK',
};

/** Most households in the backlog are existing pipeline-gas homes; the mix below mirrors that. */
const USER_TYPE_CYCLE: GasUserType[] = [
  'residential-pipeline',
  'residential-pipeline',
  'residential-pipeline',
  'residential-lpg',
  'residential-pipeline',
  'non-residential-pipeline',
  'residential-pipeline',
  'new-build-residential',
  'residential-pipeline',
  'non-residential-lpg',
];

/** Deterministic demo accounts: `perDistrict` per district, every 25th one closed. */
export function demoAccounts(perDistrict: number): GasAccount[] {
  if (!GAS_USER_TYPES.every((type) => USER_TYPE_CYCLE.includes(type)))
    throw new Error('demo mix misses a user type');
  return RETROFIT_DISTRICT_CODES.flatMap((district) =>
    Array.from({ length: perDistrict }, (_, index) => {
      const n = index + 1;
      return {
        accountRef: `${DEMO_ACCOUNT_PREFIX[district]}-${String(n).padStart(6, '0')}`,
        district,
        userType: USER_TYPE_CYCLE[index % USER_TYPE_CYCLE.length] ?? 'residential-pipeline',
        status: n % 25 === 0 ? ('closed' as const) : ('active' as const),
      };
    }),
  );
}

/** Three installer teams per district, each fitting eight households a day (*assumption* for the demo). */
export function demoInstallerTeams(): InstallerTeam[] {
  return RETROFIT_DISTRICT_CODES.flatMap((district) =>
    [1, 2, 3].map((n) => ({ teamId: `${DEMO_ACCOUNT_PREFIX[district]}-T${n}`, district, dailyCapacity: 8 })),
  );
}
