import type { Department, District } from '../../../workflows/kit/vocabulary';
import type { BudgetExhaustionRule } from '../policy-catalogue/terms';

export interface PolicyPaymentOrder {
  /** Paid once under this key, however often the call is retried. */
  idempotencyKey: string;
  caseId: string;
  policyId: string;
  /** The year the enterprise is entitled for. */
  year: number;
  /** The year whose budget pays: `year`, or a later one under a policy that waits for next year's money. */
  budgetYear: number;
  creditCode: string;
  district: District;
  /** What the judgment gave in full, fen; a pro-rata policy pays its share of it. */
  amountFen: number;
  whenBudgetRunsOut: BudgetExhaustionRule;
  paidBy: Department;
  issuerDepartment: Department;
}

export interface PolicyPayment {
  paymentId: string;
  amountFen: number;
  budgetYear: number;
  paidAt: string;
}

export type PolicyPaymentResult =
  | ({ outcome: 'paid' } & PolicyPayment)
  /** What is left of the budget year's money cannot pay the case (nothing paid; no budget set counts as none left). */
  | { outcome: 'budget-exhausted'; budgetYear: number; remainingFen: number };

export class PolicyPaymentConflictError extends Error {
  constructor(idempotencyKey: string, what: string) {
    super(`payment ${idempotencyKey}: ${what}`);
  }
}

export interface PaidTotal {
  policyId: string;
  issuerDepartment: Department;
  district: District;
  payments: number;
  paidFen: number;
}

/**
 * The policies' funds, as finance pays them: each policy's budget per year, what is committed from it (the database
 * never lets it pass the budget, however payments race), the claims a pro-rata policy shares its budget among, and
 * one payment per policy, year and enterprise.
 */
export interface PolicyFundsPort {
  /** Records what the enterprise would be paid in full (once; a pro-rata policy divides its budget by the sum). */
  claim(claim: {
    policyId: string;
    year: number;
    creditCode: string;
    amountFen: number;
    caseId: string;
  }): Promise<void>;
  pay(order: PolicyPaymentOrder): Promise<PolicyPaymentResult>;
  budget(policyId: string, year: number): Promise<{ budgetFen: number; committedFen: number } | undefined>;
  paymentOf(idempotencyKey: string): Promise<PolicyPayment | undefined>;
  /** Paid in the budget year, per policy, issuing department and district. */
  paidTotals(budgetYear: number): Promise<PaidTotal[]>;
  /** Every policy's budget for the year, and what is committed from it. */
  budgetsOf(year: number): Promise<{ policyId: string; budgetFen: number; committedFen: number }[]>;
}
