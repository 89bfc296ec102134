/**
 * A childcare provider as it applies for the construction subsidy (普惠托育): the words of its application.
 * Codes only here; staff names and certificate numbers are personal data and stay with the health commission.
 */
export const PROVIDER_KINDS = [
  'public',
  'public-built-private-run',
  'private-public-aided',
  'workplace',
  'kindergarten-class',
] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

/** A community point (社区托育点), or a street's or township's provider. */
export const PROVIDER_LEVELS = ['community', 'street', 'township'] as const;
export type ProviderLevel = (typeof PROVIDER_LEVELS)[number];

export const CHILDCARE_SERVICES = ['full-day', 'half-day', 'hourly'] as const;
export type ChildcareService = (typeof CHILDCARE_SERVICES)[number];

/** The facts of an application that the subsidy rules judge. Money in fen. */
export interface ProviderFacts {
  kind: ProviderKind;
  level: ProviderLevel;
  slots: number;
  constructionInvestmentFen: number;
  higherLevelSubsidyReceived: boolean;
  monthlyPriceFen: number;
  monitoring24hWithAlarm: boolean;
  videoCoversAllAreas: boolean;
  recordingRetentionDays: number;
}

/** What other departments know of the provider, as its checks found it. */
export interface DepartmentFindings {
  /** Market regulation's published ceiling (最高限价) for the provider's district and year; undefined if none. */
  priceCeilingFen: number | undefined;
  /** How many of the provider's staff the credit platform's blacklist names. */
  blacklistedStaff: number;
  /** Whether the provider's record on the childcare credit platform is clean. */
  creditRecordClean: boolean;
}
