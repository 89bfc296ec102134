/** Case and campaign IDs are `<prefix>:<district>:<key>`: business keys, never personal data. */
import { DISTRICT_CODES, type District } from './vocabulary';

/** `<prefix>:<district>:<key>` back into its parts; undefined unless the district is known and the key fits. */
export function parseDistrictKey(
  id: string,
  expectedPrefix: string,
  keyPattern: RegExp,
): { district: District; key: string } | undefined {
  const [prefix, district, key, ...rest] = id.split(':');
  if (prefix !== expectedPrefix || rest.length > 0 || !district || !key) return undefined;
  if (!(DISTRICT_CODES as string[]).includes(district) || !keyPattern.test(key)) return undefined;
  return { district: district as District, key };
}
