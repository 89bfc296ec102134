/**
 * How auditors read policy payout histories: its decisions, the policy funds' payments, and the money a case paid
 * against what the policy's amount rule gives from the facts its judgment recorded (a pro-rata policy may pay less,
 * never more).
 */
import type { ProcessAuditProfile } from '../../../workflows/kit/audit-profile';
import { amountFor } from '../policy/amount';
import { POLICY_PAYOUT_WORKFLOW_TYPES, type PolicyPayoutCaseState } from './contract';
import { POLICY_PAYOUT_RULES } from './rules';

type Payer = 'policyFunds';

/** A fact's value by its dotted name (`science.rdSpendLastYearFen`) in the facts the judgment recorded. */
function countedFact(state: PolicyPayoutCaseState): number | null {
  const { amount } = state.policy.terms;
  if (!('fact' in amount) || !state.judgment) return null;
  const [department, fact] = amount.fact.split('.') as [string, string];
  const value = (state.judgment.facts as unknown as Record<string, Record<string, unknown>>)[department]?.[
    fact
  ];
  return typeof value === 'number' ? value : null;
}

export const POLICY_PAYOUT_AUDIT: ProcessAuditProfile<Payer> = {
  workflowType: POLICY_PAYOUT_WORKFLOW_TYPES.payout,
  rules: POLICY_PAYOUT_RULES,
  ledgers: { policyFunds: 'policy_payout.payment_ledger' },
  settlementOf(ended) {
    const state = ended as PolicyPayoutCaseState | undefined;
    if (!state?.payment) return undefined;
    const { terms } = state.policy;
    const full = amountFor(terms.amount, countedFact(state));
    const paid = state.payment.amountFen;
    const derived = terms.whenBudgetRunsOut === 'pro-rata' ? Math.min(paid, full) : full;
    return {
      basis: `${state.policy.policyId} v${state.policy.version} (${terms.amount.kind}, ${terms.whenBudgetRunsOut})`,
      totalFen: paid,
      recorded: { policyFunds: paid },
      derived: { policyFunds: derived },
      owed: { policyFunds: paid },
      payments: [
        {
          party: 'policyFunds',
          amountFen: paid,
          idempotencyKey: state.payment.idempotencyKey,
          reversed: false,
        },
      ],
    };
  },
};
