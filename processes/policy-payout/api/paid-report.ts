/**
 * What the policies have paid in a year, year to date: per policy (against its budget), per issuing department and
 * per area, from the policy funds' payments (finance's record, not the cases' own account of it).
 */
import type { PaidTotal } from '../../../activities/adapters/policy-funds/port';
import type { PolicySummary } from '../../../activities/adapters/policy-catalogue/port';
import type { Department, District } from '../../../workflows/kit/vocabulary';

export interface PaidReport {
  year: number;
  totalFen: number;
  payments: number;
  policies: {
    policyId: string;
    title: string;
    issuer: Department;
    payments: number;
    paidFen: number;
    budgetFen: number | null;
  }[];
  departments: { department: Department; payments: number; paidFen: number }[];
  districts: { district: District; payments: number; paidFen: number }[];
}

function sumBy<Key extends string>(rows: readonly PaidTotal[], keyOf: (row: PaidTotal) => Key) {
  const sums = new Map<Key, { payments: number; paidFen: number }>();
  for (const row of rows) {
    const sum = sums.get(keyOf(row)) ?? { payments: 0, paidFen: 0 };
    sum.payments += row.payments;
    sum.paidFen += row.paidFen;
    sums.set(keyOf(row), sum);
  }
  return [...sums].sort(([, a], [, b]) => b.paidFen - a.paidFen);
}

export function paidReport(
  year: number,
  totals: readonly PaidTotal[],
  catalogue: readonly PolicySummary[],
  budgets: readonly { policyId: string; budgetFen: number }[],
): PaidReport {
  const paidOf = new Map(sumBy(totals, (row) => row.policyId));
  const budgetOf = new Map(budgets.map((b) => [b.policyId, b.budgetFen]));
  const policies = catalogue
    .filter((policy) => paidOf.has(policy.policyId) || budgetOf.has(policy.policyId))
    .map((policy) => ({
      policyId: policy.policyId,
      title: policy.title,
      issuer: policy.issuer.department,
      payments: paidOf.get(policy.policyId)?.payments ?? 0,
      paidFen: paidOf.get(policy.policyId)?.paidFen ?? 0,
      budgetFen: budgetOf.get(policy.policyId) ?? null,
    }))
    .sort((a, b) => b.paidFen - a.paidFen || a.policyId.localeCompare(b.policyId));
  return {
    year,
    totalFen: totals.reduce((sum, row) => sum + row.paidFen, 0),
    payments: totals.reduce((sum, row) => sum + row.payments, 0),
    policies,
    departments: sumBy(totals, (row) => row.issuerDepartment).map(([department, sum]) => ({
      department,
      ...sum,
    })),
    districts: sumBy(totals, (row) => row.district).map(([district, sum]) => ({ district, ...sum })),
  };
}
