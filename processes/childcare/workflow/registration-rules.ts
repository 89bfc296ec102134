/**
 * Registration (备案) with the health commission: every provider registers, subsidised or not, and its slots count
 * towards coverage. The standards and the price ceiling bind every provider (docs/sources.md, childcare); the
 * departments' checks are those an application's case makes. Pure, so the API and tests judge alike.
 */
import {
  monitoringAndAlarm24h,
  priceUnderCeiling,
  recordingsKept90Days,
  videoCoversAllAreas,
  type RuleResult,
} from './subsidy-rules';
import type { ProviderFacts } from './provider';

type RegistrationStandards = Pick<
  ProviderFacts,
  'slots' | 'monthlyPriceFen' | 'monitoring24hWithAlarm' | 'videoCoversAllAreas' | 'recordingRetentionDays'
>;

interface RegistrationFindings {
  registration: 'active' | 'revoked' | undefined;
  fireSafetySignOff: boolean | undefined;
  communityExists: boolean;
  priceCeilingFen: number | undefined;
}

interface RegistrationProblem {
  /** The request field the rule judged, e.g. `standards.recordingRetentionDays` or `provider.creditCode`. */
  field: string;
  rule: string;
}

const STANDARD_FIELDS: Record<string, string> = {
  'monitoring-and-alarm-24h': 'standards.monitoring24hWithAlarm',
  'video-covers-all-areas': 'standards.videoCoversAllAreas',
  'recordings-kept-90-days': 'standards.recordingRetentionDays',
  'price-under-ceiling': 'standards.monthlyPriceFen',
};

/** Every rule the provider breaks, by the field it concerns; empty when it may register. */
export function registrationProblems(
  standards: RegistrationStandards,
  findings: RegistrationFindings,
): RegistrationProblem[] {
  // The standards rules read only these facts; the rest of ProviderFacts is the subsidy's.
  const facts = standards as ProviderFacts;
  const standardResults: RuleResult[] = [
    monitoringAndAlarm24h(facts),
    videoCoversAllAreas(facts),
    recordingsKept90Days(facts),
    priceUnderCeiling(facts, {
      priceCeilingFen: findings.priceCeilingFen,
      blacklistedStaff: 0,
      creditRecordClean: true,
    }),
  ];
  const departments: RegistrationProblem[] = [
    ...(findings.registration === 'active'
      ? []
      : [
          {
            field: 'provider.creditCode',
            rule: `market regulation: business registration ${findings.registration ?? 'not found'}`,
          },
        ]),
    ...(findings.fireSafetySignOff === true
      ? []
      : [
          {
            field: 'provider.community',
            rule:
              findings.fireSafetySignOff === undefined
                ? 'fire safety: no sign-off on file for the site'
                : 'fire safety: the site’s sign-off failed',
          },
        ]),
    ...(findings.communityExists
      ? []
      : [{ field: 'provider.community', rule: 'civil affairs knows no such community' }]),
  ];
  return [
    ...departments,
    ...standardResults
      .filter((r) => !r.passed)
      .map((r) => ({ field: STANDARD_FIELDS[r.rule]!, rule: r.detail })),
  ];
}
