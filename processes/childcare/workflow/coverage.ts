/**
 * How far an area is from the city's childcare targets (docs/sources.md, childcare), from the
 * registry: slots per 1,000 residents against 2 (2022), 4 (2023), 6 (2025), a year between two using the last one
 * passed; the share of public and 公建民营 slots against 50%; providers of at least 50 slots against two in each
 * urban district and development zone named with them, one elsewhere; at least one public provider in each
 * development zone and county; from 2023 every street with a provider of ≥ 50 slots and every township with one of
 * ≥ 30; from 2025 every community with one of ≥ 20.
 */
import { AREA_KIND_OF, URBAN_DISTRICT_CODES, type District } from '../../../workflows/kit/vocabulary';
import type { ProviderKind, ProviderLevel } from './provider';
import type { RegistryEntry } from '../../../activities/adapters/health-commission/port';

export const COVERAGE_TARGETS = {
  /** Slots per 1,000 residents by the end of each year; a year between two keeps the last one passed. */
  slotsPerThousand: [
    { byEndOf: 2022, target: 2 },
    { byEndOf: 2023, target: 4 },
    { byEndOf: 2025, target: 6 },
  ],
  publicShare: 0.5,
  largeProviderSlots: 50,
  streetProviderSlots: 50,
  townshipProviderSlots: 30,
  /** Streets and townships are held to their providers from the end of this year. */
  streetsFrom: 2023,
  communityProviderSlots: 20,
  /** Communities are held to a provider from the end of this year. */
  communitiesFrom: 2025,
} as const;

/** End of 2022: two providers of ≥ 50 slots in each urban district (with 郑东新区, 经开区, 高新区); one elsewhere. */
const largeProvidersTarget = (district: District): number =>
  (URBAN_DISTRICT_CODES as readonly District[]).includes(district) ? 2 : 1;

/** Each development zone and each county (市, 县) builds at least one public (公办) provider; districts are not named. */
const publicProvidersTarget = (district: District): number | null =>
  AREA_KIND_OF[district] === 'district' ? null : 1;

/** Public (公办) and publicly-built, privately-run (公建民营) slots count towards the public share. */
const PUBLIC_KINDS: readonly ProviderKind[] = ['public', 'public-built-private-run'];

/** What coverage reads of a registry entry (the health commission's). */
export type RegisteredProvider = Pick<
  RegistryEntry,
  'district' | 'street' | 'community' | 'kind' | 'level' | 'slots'
>;

/** What civil affairs knows of an area: its streets and townships, and its communities. */
interface KnownPlaces {
  streets: readonly string[];
  communities: readonly string[];
}

export interface DistrictCoverage {
  district: District;
  year: number;
  providers: number;
  slots: number;
  /** Null when no resident count is configured for the district. */
  residents: number | null;
  slotsPerThousand: number | null;
  slotsPerThousandTarget: number;
  publicShare: number | null;
  largeProviders: number;
  largeProvidersTarget: number;
  /** Public (公办) providers only, the kind the source asks each development zone and county to build. */
  publicProviders: number;
  publicProvidersTarget: number | null;
  /** Streets and townships (as providers name them) with a provider big enough for their level. */
  streetsCovered: number;
  streetsKnown: number;
  /** Communities with a provider of at least 20 slots. */
  communitiesCovered: number;
  communitiesKnown: number;
  /** Null where a target does not apply: no residents configured, no slots, or a year before the target's. */
  targetsMet: {
    slotsPerThousand: boolean | null;
    publicShare: boolean | null;
    largeProviders: boolean;
    publicProviders: boolean | null;
    everyStreetCovered: boolean | null;
    everyCommunityCovered: boolean | null;
  };
}

/** The slots-per-1,000 target in force for a year: the last one passed (the first before any). */
export function slotsPerThousandTarget(year: number): number {
  const targets = COVERAGE_TARGETS.slotsPerThousand;
  return ([...targets].reverse().find((t) => year >= t.byEndOf) ?? targets[0]).target;
}

const bigEnoughForItsStreet = (provider: RegisteredProvider) =>
  provider.slots >=
  ((provider.level as ProviderLevel) === 'township'
    ? COVERAGE_TARGETS.townshipProviderSlots
    : COVERAGE_TARGETS.streetProviderSlots);

const round = (value: number, places: number) => Math.round(value * 10 ** places) / 10 ** places;
const slotsOf = (providers: readonly RegisteredProvider[]) =>
  providers.reduce((total, p) => total + p.slots, 0);

/** How many of the places (known, or named by a provider) have a provider that counts for them. */
function placesCovered(known: readonly string[], named: readonly string[], covering: readonly string[]) {
  const places = new Set([...known, ...named]);
  const covered = new Set(covering);
  return { covered: [...places].filter((place) => covered.has(place)).length, known: places.size };
}

export function districtCoverage(
  district: District,
  year: number,
  providers: readonly RegisteredProvider[],
  residents: number | undefined,
  known: KnownPlaces,
): DistrictCoverage {
  const own = providers.filter((p) => p.district === district);
  const slots = slotsOf(own);
  const publicSlots = slotsOf(own.filter((p) => PUBLIC_KINDS.includes(p.kind as ProviderKind)));
  const slotsPerThousand = residents ? round((slots * 1000) / residents, 2) : null;
  const target = slotsPerThousandTarget(year);
  const publicShare = slots > 0 ? round(publicSlots / slots, 3) : null;
  const largeProviders = own.filter((p) => p.slots >= COVERAGE_TARGETS.largeProviderSlots).length;
  const publicProviders = own.filter((p) => p.kind === 'public').length;
  const streets = placesCovered(
    known.streets,
    own.map((p) => p.street),
    own.filter(bigEnoughForItsStreet).map((p) => p.street),
  );
  const communities = placesCovered(
    known.communities,
    own.map((p) => p.community),
    own.filter((p) => p.slots >= COVERAGE_TARGETS.communityProviderSlots).map((p) => p.community),
  );
  const everyCovered = (places: { covered: number; known: number }, from: number) =>
    year < from || places.known === 0 ? null : places.covered >= places.known;
  const publicTarget = publicProvidersTarget(district);
  return {
    district,
    year,
    providers: own.length,
    slots,
    residents: residents ?? null,
    slotsPerThousand,
    slotsPerThousandTarget: target,
    publicShare,
    largeProviders,
    largeProvidersTarget: largeProvidersTarget(district),
    publicProviders,
    publicProvidersTarget: publicTarget,
    streetsCovered: streets.covered,
    streetsKnown: streets.known,
    communitiesCovered: communities.covered,
    communitiesKnown: communities.known,
    targetsMet: {
      slotsPerThousand: slotsPerThousand === null ? null : slotsPerThousand >= target,
      publicShare: publicShare === null ? null : publicShare >= COVERAGE_TARGETS.publicShare,
      largeProviders: largeProviders >= largeProvidersTarget(district),
      publicProviders: publicTarget === null ? null : publicProviders >= publicTarget,
      everyStreetCovered: everyCovered(streets, COVERAGE_TARGETS.streetsFrom),
      everyCommunityCovered: everyCovered(communities, COVERAGE_TARGETS.communitiesFrom),
    },
  };
}
