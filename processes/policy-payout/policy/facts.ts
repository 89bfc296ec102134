/**
 * The facts about an enterprise that a policy's rules may name, each held by the department that keeps it (one
 * adapter each). Rules read them as `{"var": "<department>.<fact>"}`; a fact a department does not hold is null,
 * and a comparison with null fails, so a rule never passes on missing data.
 */
import type { TaxCreditGrade } from '../../../activities/adapters/tax/port';
import type { Department, District } from '../../../workflows/kit/vocabulary';

export interface EnterpriseFacts {
  market: {
    /** Registration status (登记状态). */
    status: 'active' | 'revoked' | null;
    /** National industry classification (GB/T 4754): the section letter and the division, e.g. `C39`. */
    industry: string | null;
    district: District | null;
    /** Whole years since registration, on the day of judgment. */
    yearsRegistered: number | null;
  };
  tax: { creditGrade: TaxCreditGrade | null; paidLastYearFen: number | null };
  science: { highTech: boolean; rdSpendLastYearFen: number | null };
  ip: { patentsInForce: number; patentsConvertedLastYear: number };
  hr: { insuredEmployees: number | null };
}

type FactKind = 'text' | 'number' | 'boolean';

/** Every fact a rule may name: what it is, who holds it. The catalogue refuses a rule naming any other. */
export const FACTS: Record<string, { kind: FactKind; heldBy: Department; meaning: string }> = {
  'market.status': {
    kind: 'text',
    heldBy: 'market-regulation',
    meaning: 'registration status: active or revoked',
  },
  'market.industry': { kind: 'text', heldBy: 'market-regulation', meaning: 'industry (GB/T 4754), e.g. C39' },
  'market.district': {
    kind: 'text',
    heldBy: 'market-regulation',
    meaning: 'district of registration (code)',
  },
  'market.yearsRegistered': {
    kind: 'number',
    heldBy: 'market-regulation',
    meaning: 'whole years registered',
  },
  'tax.creditGrade': {
    kind: 'text',
    heldBy: 'tax',
    meaning: 'tax credit grade (纳税信用等级): A, B, M, C or D',
  },
  'tax.paidLastYearFen': { kind: 'number', heldBy: 'tax', meaning: 'tax paid in the previous year, fen' },
  'science.highTech': {
    kind: 'boolean',
    heldBy: 'science-technology',
    meaning: 'holds a valid 高新技术企业 certificate',
  },
  'science.rdSpendLastYearFen': {
    kind: 'number',
    heldBy: 'science-technology',
    meaning: 'R&D spend, previous year, fen',
  },
  'ip.patentsInForce': {
    kind: 'number',
    heldBy: 'intellectual-property',
    meaning: 'invention patents in force',
  },
  'ip.patentsConvertedLastYear': {
    kind: 'number',
    heldBy: 'intellectual-property',
    meaning: 'patents converted into products (专利转化) in the previous year',
  },
  'hr.insuredEmployees': {
    kind: 'number',
    heldBy: 'human-resources',
    meaning: 'employees insured (参保) in the latest month',
  },
};
export const FACT_NAMES = Object.keys(FACTS);
/** The facts an amount may be counted on (numbers). */
export const COUNTABLE_FACTS = FACT_NAMES.filter((name) => FACTS[name]!.kind === 'number');
