/** A policy's window: the days (Beijing) on which its rounds run and its applications are taken. */
import type { PolicyTerms } from '../../../activities/adapters/policy-catalogue/terms';

/** Why a case may not start on the day (Beijing, YYYY-MM-DD): none when the day is within the policy's window. */
export function windowProblems(terms: Pick<PolicyTerms, 'window'>, day: string) {
  const { opens, closes } = terms.window;
  if (day >= opens && day <= closes) return [];
  return [{ field: 'policyId', rule: `the policy's window runs from ${opens} to ${closes}` }];
}
