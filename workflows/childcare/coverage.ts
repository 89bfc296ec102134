/**
 * How far a district is from the city's childcare targets (domain.md, Process 2), from the registry: slots per
 * 1,000 residents against 2 (2022), 4 (2023), 6 (2025); the share of public and 公建民营 slots against 50%;
 * providers of at least 50 slots against at least two per urban district; streets with a provider of ≥ 50 slots
 * and townships with one of ≥ 30.
 */
import type { District } from '../kit/vocabulary';
import type { ProviderKind, ProviderLevel } from './provider';

export const COVERAGE_TARGETS = {
  /** Slots per 1,000 residents by the end of each year; later years keep the last target. */
  slotsPerThousand: [
    { byEndOf: 2022, target: 2 },
    { byEndOf: 2023, target: 4 },
    { byEndOf: 2025, target: 6 },
  ],
  publicShare: 0.5,
  largeProviderSlots: 50,
  largeProvidersPerUrbanDistrict: 2,
  streetProviderSlots: 50,
  townshipProviderSlots: 30,
} as const;

/** Public (公办) and publicly-built, privately-run (公建民营) slots count towards the public share. */
const PUBLIC_KINDS: readonly ProviderKind[] = ['public', 'public-built-private-run'];

export interface RegisteredProvider {
  district: District;
  street: string;
  kind: string;
  level: string;
  slots: number;
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
  /** Streets and townships (as providers name them) with a provider big enough for their level. */
  streetsCovered: number;
  streetsKnown: number;
  targetsMet: {
    slotsPerThousand: boolean | null;
    publicShare: boolean | null;
    largeProviders: boolean;
    everyStreetCovered: boolean | null;
  };
}

/** The slots-per-1,000 target in force for a year (the first year's target before it). */
export function slotsPerThousandTarget(year: number): number {
  const targets = COVERAGE_TARGETS.slotsPerThousand;
  return (targets.find((t) => year <= t.byEndOf) ?? targets[targets.length - 1]!).target;
}

const bigEnoughForItsLevel = (provider: RegisteredProvider) =>
  provider.slots >=
  ((provider.level as ProviderLevel) === 'township'
    ? COVERAGE_TARGETS.townshipProviderSlots
    : COVERAGE_TARGETS.streetProviderSlots);

const round = (value: number, places: number) => Math.round(value * 10 ** places) / 10 ** places;

export function districtCoverage(
  district: District,
  year: number,
  providers: readonly RegisteredProvider[],
  residents: number | undefined,
  knownStreets: readonly string[],
): DistrictCoverage {
  const own = providers.filter((p) => p.district === district);
  const slots = own.reduce((total, p) => total + p.slots, 0);
  const publicSlots = own
    .filter((p) => PUBLIC_KINDS.includes(p.kind as ProviderKind))
    .reduce((total, p) => total + p.slots, 0);
  const slotsPerThousand = residents ? round((slots * 1000) / residents, 2) : null;
  const target = slotsPerThousandTarget(year);
  const publicShare = slots > 0 ? round(publicSlots / slots, 3) : null;
  const largeProviders = own.filter((p) => p.slots >= COVERAGE_TARGETS.largeProviderSlots).length;
  const covered = new Set(own.filter(bigEnoughForItsLevel).map((p) => p.street));
  const streets = new Set([...knownStreets, ...own.map((p) => p.street)]);
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
    streetsCovered: [...streets].filter((s) => covered.has(s)).length,
    streetsKnown: streets.size,
    targetsMet: {
      slotsPerThousand: slotsPerThousand === null ? null : slotsPerThousand >= target,
      publicShare: publicShare === null ? null : publicShare >= COVERAGE_TARGETS.publicShare,
      largeProviders: largeProviders >= COVERAGE_TARGETS.largeProvidersPerUrbanDistrict,
      everyStreetCovered: streets.size === 0 ? null : covered.size >= streets.size,
    },
  };
}
