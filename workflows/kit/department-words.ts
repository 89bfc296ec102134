/**
 * Words a process shares with the department systems that serve it: what the petition office files a post under,
 * what the press desk hears and publishes, what a retrofit fits and district finance prices, how the gas company's account register answers. Kept in the kit so
 * that the departments' ports (activities/adapters) name them without reaching into a process. Codes only.
 */

/** The petition office's categories (心通桥): routing, and the weekly index's shares. */
export const PETITION_CATEGORIES = [
  'traffic',
  'public-facilities',
  'education',
  'property',
  'environment',
  'heating',
  'medical-social-security',
  'other',
] as const;
export type PetitionCategory = (typeof PETITION_CATEGORIES)[number];

/** What the department said when the press desk called (观观督办回访). */
export const PRESS_CALL_ANSWERS = ['will-handle', 'handled', 'disputes-responsibility', 'no-answer'] as const;
export type PressCallAnswer = (typeof PRESS_CALL_ANSWERS)[number];

/** The published story's verdict on the petition. */
export const PRESS_VERDICTS = ['resolved', 'in-progress', 'unresolved'] as const;
export type PressVerdict = (typeof PRESS_VERDICTS)[number];

/** What a district's tender prices name (fen each, or per metre of hose beyond 3 m). */
export const PRICED_ITEMS = ['valve', 'hose', 'hoseExtraPerMetre', 'alarm', 'shutoffValve'] as const;
export type PricedItem = (typeof PRICED_ITEMS)[number];
export type PriceList = Partial<Record<PricedItem, number>>;

/** What a retrofit fits at a household, as surveyed and as installed. */
export interface RetrofitItems {
  valve: boolean;
  /** Metal hose length in metres (one decimal at most); absent when no hose is fitted. */
  hoseLengthM?: number;
  /** A non-residential user's hose is metal already: none is fitted, and none is listed. */
  metalHoseInPlace?: boolean;
}

/** The gas company's account register: its kinds of user. */
export const GAS_USER_TYPES = [
  'new-build-residential',
  'residential-pipeline',
  'residential-lpg',
  'non-residential-pipeline',
  'non-residential-lpg',
] as const;
export type GasUserType = (typeof GAS_USER_TYPES)[number];

/** The gas company's answer to "may this account take part in the retrofit?" */
export const INELIGIBILITY_REASONS = [
  'account-not-found',
  'account-closed',
  'district-mismatch',
  'user-type-mismatch',
  /** The items asked for do not fit the user type (a campaign's record of a new build without a valve). */
  'items-not-fit',
] as const;
export type IneligibilityReason = (typeof INELIGIBILITY_REASONS)[number];

export type EligibilityDecision =
  | { outcome: 'eligible'; checkedAt: string; checkId: string }
  | { outcome: 'ineligible'; reason: IneligibilityReason; checkedAt: string; checkId: string };
