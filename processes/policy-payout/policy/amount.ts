/** A policy's amount rule, counted in whole fen. Pure arithmetic: the judgment's activity runs it. */
import type { AmountRule } from '../../../activities/adapters/policy-catalogue/terms';

/** What an amount rule gives for a counted fact, in whole fen (rounded down, never above the cap). */
export function amountFor(rule: AmountRule, counted: number | null): number {
  switch (rule.kind) {
    case 'none':
      return 0;
    case 'fixed':
      return rule.fen;
    case 'per-unit': {
      const amount = Math.max(0, counted ?? 0) * rule.fenPerUnit;
      return rule.capFen === undefined ? amount : Math.min(amount, rule.capFen);
    }
    case 'percentage': {
      // BigInt: a base of billions of fen times basis points would pass 2^53.
      const amount = (BigInt(Math.max(0, counted ?? 0)) * BigInt(rule.basisPoints)) / 10_000n;
      return Number(amount < BigInt(rule.capFen) ? amount : BigInt(rule.capFen));
    }
  }
}

/** Whether a judgment is worth a case: eligible, and owed money — or an honour, which pays nothing. */
export const owed = (judgment: { eligible: boolean; amountFen: number }, rule: AmountRule): boolean =>
  judgment.eligible && (judgment.amountFen > 0 || rule.kind === 'none');
