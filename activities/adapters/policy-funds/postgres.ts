import type { Knex } from 'knex';
import type { Db } from '../../db/connection';
import {
  PolicyPaymentConflictError,
  type PaidTotal,
  type PolicyFundsPort,
  type PolicyPayment,
  type PolicyPaymentOrder,
  type PolicyPaymentResult,
} from './port';

interface PaymentRow {
  payment_id: string;
  idempotency_key: string;
  case_id: string;
  paid_by: string;
  district: string;
  issuer_department: string;
  policy_id: string;
  year: number;
  budget_year: number;
  credit_code: string;
  amount_fen: string;
  paid_at: Date;
}

interface TotalRow {
  policy_id: string;
  issuer_department: string;
  district: string;
  payments: string;
  paid: string;
}

const toPayment = (row: PaymentRow): PolicyPayment => ({
  paymentId: row.payment_id,
  amountFen: Number(row.amount_fen),
  budgetYear: row.budget_year,
  paidAt: row.paid_at.toISOString(),
});

/** A pro-rata policy's share: the full amount scaled by budget ÷ all claims when they pass it, rounded down. */
async function proRataAmount(
  trx: Knex.Transaction,
  order: PolicyPaymentOrder,
  budgetFen: number,
): Promise<number> {
  const claimed = await trx('policy_payout.claims')
    .where({ policy_id: order.policyId, year: order.budgetYear })
    .sum<{ total: string | null }>('amount_fen as total')
    .first();
  const totalFen = Math.max(Number(claimed?.total ?? 0), order.amountFen);
  if (totalFen <= budgetFen) return order.amountFen;
  return Number((BigInt(order.amountFen) * BigInt(budgetFen)) / BigInt(totalFen));
}

export class PostgresPolicyFunds implements PolicyFundsPort {
  constructor(private readonly db: Db) {}

  async claim(claim: {
    policyId: string;
    year: number;
    creditCode: string;
    amountFen: number;
    caseId: string;
  }) {
    await this.db('policy_payout.claims')
      .insert({
        policy_id: claim.policyId,
        year: claim.year,
        credit_code: claim.creditCode,
        amount_fen: String(claim.amountFen),
        case_id: claim.caseId,
      })
      .onConflict(['policy_id', 'year', 'credit_code'])
      .ignore();
  }

  pay(order: PolicyPaymentOrder): Promise<PolicyPaymentResult> {
    return this.db.transaction(async (trx) => {
      // The budget row's lock puts one policy-year's payments one after another: a retried or racing payment
      // finds the one before it, and what each reads of the budget stays true until it commits.
      const budget = await trx('policy_payout.budgets')
        .where({ policy_id: order.policyId, year: order.budgetYear })
        .forUpdate()
        .first<{ budget_fen: string; committed_fen: string } | undefined>();
      const existing = await trx<PaymentRow>('policy_payout.payments')
        .where({ idempotency_key: order.idempotencyKey })
        .orWhere({ policy_id: order.policyId, year: order.year, credit_code: order.creditCode })
        .first();
      if (existing) {
        if (existing.policy_id !== order.policyId || existing.credit_code !== order.creditCode) {
          throw new PolicyPaymentConflictError(order.idempotencyKey, 'the key was used for another payment');
        }
        return { outcome: 'paid', ...toPayment(existing) };
      }
      if (!budget) return { outcome: 'budget-exhausted', budgetYear: order.budgetYear, remainingFen: 0 };
      const budgetFen = Number(budget.budget_fen);
      const remainingFen = budgetFen - Number(budget.committed_fen);
      const amountFen =
        order.whenBudgetRunsOut === 'pro-rata' ? await proRataAmount(trx, order, budgetFen) : order.amountFen;
      if (amountFen <= 0 || amountFen > remainingFen) {
        return { outcome: 'budget-exhausted', budgetYear: order.budgetYear, remainingFen };
      }
      await trx('policy_payout.budgets')
        .where({ policy_id: order.policyId, year: order.budgetYear })
        .increment('committed_fen', amountFen);
      const [row] = await trx<PaymentRow>('policy_payout.payments')
        .insert({
          policy_id: order.policyId,
          year: order.year,
          budget_year: order.budgetYear,
          credit_code: order.creditCode,
          amount_fen: String(amountFen),
          case_id: order.caseId,
          idempotency_key: order.idempotencyKey,
          paid_by: order.paidBy,
          district: order.district,
          issuer_department: order.issuerDepartment,
        })
        .returning('*');
      return { outcome: 'paid', ...toPayment(row!) };
    });
  }

  async budget(policyId: string, year: number) {
    const row = await this.db('policy_payout.budgets')
      .where({ policy_id: policyId, year })
      .first<{ budget_fen: string; committed_fen: string } | undefined>();
    return row && { budgetFen: Number(row.budget_fen), committedFen: Number(row.committed_fen) };
  }

  async paymentOf(idempotencyKey: string): Promise<PolicyPayment | undefined> {
    const row = await this.db<PaymentRow>('policy_payout.payments')
      .where({ idempotency_key: idempotencyKey })
      .first();
    return row && toPayment(row);
  }

  async paidTotals(budgetYear: number): Promise<PaidTotal[]> {
    const rows = (await this.db('policy_payout.payments')
      .select(
        'policy_id',
        'issuer_department',
        'district',
        this.db.raw('count(*) AS payments'),
        this.db.raw('sum(amount_fen) AS paid'),
      )
      .where({ budget_year: budgetYear })
      .groupBy('policy_id', 'issuer_department', 'district')
      .orderBy(['policy_id', 'district'])) as TotalRow[];
    return rows.map((row) => ({
      policyId: row.policy_id,
      issuerDepartment: row.issuer_department as PaidTotal['issuerDepartment'],
      district: row.district as PaidTotal['district'],
      payments: Number(row.payments),
      paidFen: Number(row.paid),
    }));
  }

  async budgetsOf(year: number) {
    const rows = await this.db('policy_payout.budgets')
      .where({ year })
      .orderBy('policy_id')
      .select<{ policy_id: string; budget_fen: string; committed_fen: string }[]>(
        'policy_id',
        'budget_fen',
        'committed_fen',
      );
    return rows.map((row) => ({
      policyId: row.policy_id,
      budgetFen: Number(row.budget_fen),
      committedFen: Number(row.committed_fen),
    }));
  }
}
