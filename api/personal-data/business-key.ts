/**
 * Business keys (a gas account, a petition's channel reference) become part of workflow IDs, which Temporal never
 * encrypts and shows in every list. A key that carries a mainland mobile number or a valid national ID number would
 * put personal data there, so such a key is refused at the door.
 */
import { nationalIdProblem } from './national-id';

const MOBILE_NUMBER = /^1[3-9]\d{9}$/;

/** What personal data the key carries, if any: read from each run of digits (and a trailing X) inside it. */
export function personalDataInKey(key: string): 'mobile-number' | 'national-id' | undefined {
  for (const [run] of key.matchAll(/\d+X?/g)) {
    if (MOBILE_NUMBER.test(run)) return 'mobile-number';
    if (run.length === 18 && nationalIdProblem(run) === undefined) return 'national-id';
  }
  return undefined;
}

export const PERSONAL_DATA_KEY_RULE =
  'must not hold a mobile or ID number: it becomes part of the case’s workflow ID, which is never encrypted';
