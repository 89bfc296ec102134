/** What the retrofit's requests are refused for (400) beyond their schemas, for the API's document. */
import type { Refusal } from '../../../api/openapi';
import { nationalIdRefusals } from '../../../api/personal-data/national-id';
import { PERSONAL_DATA_KEY_RULE } from '../../../api/personal-data/business-key';

export const CHANGE_REASON_RULE =
  'must not hold a mobile or ID number: it is kept in the audit log, which holds no personal data';

/** What a household start is refused for beyond its schema. */
export const HOUSEHOLD_START_REFUSALS: readonly Refusal[] = [
  { field: 'accountRef', rule: PERSONAL_DATA_KEY_RULE },
  ...nationalIdRefusals('contact.idNumber'),
];

/** What a change of contact is refused for beyond its schema. */
export const CONTACT_CHANGE_REFUSALS: readonly Refusal[] = [
  ...nationalIdRefusals('contact.idNumber'),
  { field: 'reason', rule: CHANGE_REASON_RULE },
];
