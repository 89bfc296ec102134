/** 纳税信用等级, from best to worst (M: newly set up, not yet graded on a full year). */
export const TAX_CREDIT_GRADES = ['A', 'B', 'M', 'C', 'D'] as const;
export type TaxCreditGrade = (typeof TAX_CREDIT_GRADES)[number];

export interface TaxYear {
  creditCode: string;
  year: number;
  /** 纳税信用等级; null before the year is graded. */
  creditGrade: TaxCreditGrade | null;
  taxPaidFen: number;
}

/** The tax bureau (税务局): each enterprise's yearly tax credit grade and tax paid. */
export interface TaxPort {
  /** The year's record of each of these enterprises that has one. */
  years(creditCodes: readonly string[], year: number): Promise<Map<string, TaxYear>>;
  recordYear(record: TaxYear): Promise<void>;
}
