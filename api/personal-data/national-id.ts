/**
 * Resident identity card numbers (GB 11643-1999): 6-digit region code, 8-digit birth date, 3-digit sequence,
 * and a check character computed with ISO 7064 MOD 11-2. The rules are checked; the number is never echoed.
 */
import type { Refusal } from '../openapi';
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';

type NationalIdProblem = 'format' | 'region' | 'birth-date' | 'check-digit';

export function nationalIdProblem(value: string, today: Date = new Date()): NationalIdProblem | undefined {
  if (!/^\d{17}[\dX]$/.test(value)) return 'format';
  if (!/^[1-9]\d{5}/.test(value)) return 'region';
  const [year, month, day] = [value.slice(6, 10), value.slice(10, 12), value.slice(12, 14)].map(Number) as [
    number,
    number,
    number,
  ];
  const birth = new Date(Date.UTC(year, month - 1, day));
  const real =
    birth.getUTCFullYear() === year && birth.getUTCMonth() === month - 1 && birth.getUTCDate() === day;
  if (!real || year < 1900 || birth.getTime() > today.getTime()) return 'birth-date';
  const sum = WEIGHTS.reduce((total, weight, index) => total + weight * Number(value[index]), 0);
  if (CHECK_CHARACTERS[sum % 11] !== value[17]) return 'check-digit';
  return undefined;
}

export const NATIONAL_ID_RULES: Record<NationalIdProblem, string> = {
  format: 'must be 18 characters: 17 digits and a digit or X',
  region: 'must start with a region code',
  'birth-date': 'must hold a real birth date that is not in the future',
  'check-digit': 'has a wrong check character',
};

/** What a field holding an identity card number is refused for beyond its pattern. */
export const nationalIdRefusals = (field: string): Refusal[] =>
  Object.values(NATIONAL_ID_RULES).map((rule) => ({ field, rule }));
