/**
 * The unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from a 31-character alphabet
 * (no I, O, S, V, Z), the last a check character over the first 17.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

export const CREDIT_CODE_RULES = {
  length: 'must be 18 characters',
  alphabet: 'must use only digits and the letters A-H, J-N, P-R, T, U, W, X, Y (no I, O, S, V, Z)',
  checkCharacter: 'has a wrong check character (GB 32100-2015)',
} as const;
type CreditCodeProblem = keyof typeof CREDIT_CODE_RULES;

/** The check character the first 17 characters call for. */
export function creditCodeCheckCharacter(first17: string): string {
  const sum = [...first17].reduce((total, char, i) => total + ALPHABET.indexOf(char) * WEIGHTS[i]!, 0);
  const check = 31 - (sum % 31);
  return ALPHABET[check === 31 ? 0 : check]!;
}

/** What is wrong with a credit code, or undefined when it is well formed. */
export function creditCodeProblem(code: string): CreditCodeProblem | undefined {
  if (code.length !== 18) return 'length';
  if (![...code].every((char) => ALPHABET.includes(char))) return 'alphabet';
  if (creditCodeCheckCharacter(code.slice(0, 17)) !== code[17]) return 'checkCharacter';
  return undefined;
}
