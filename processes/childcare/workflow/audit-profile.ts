/**
 * How auditors read childcare histories: its decisions, district finance's ledger, and the money the case paid —
 * the construction subsidy and each year's quality reward — against what the rules give from the same facts.
 */
import { CHILDCARE_WORKFLOW_TYPE } from './contract';
import type { ProcessAuditProfile, RecordedPayment } from '../../../workflows/kit/audit-profile';
import type { ChildcareCaseState } from './contract';
import { CHILDCARE_RULES, QUALITY_REWARDS_FEN } from './rules';
import { subsidyAmount } from './subsidy-rules';

type Payer = 'districtFinance';

export const CHILDCARE_AUDIT: ProcessAuditProfile<Payer> = {
  workflowType: CHILDCARE_WORKFLOW_TYPE,
  rules: CHILDCARE_RULES,
  ledgers: { districtFinance: 'district_finance.ledger' },
  settlementOf(ended) {
    const state = ended as ChildcareCaseState | undefined;
    if (!state?.payment || !state.subsidy) return undefined;
    const evaluations = state.quality?.evaluations ?? [];
    const recordedRewards = evaluations.reduce((total, e) => total + e.rewardFen, 0);
    const derivedRewards = evaluations.reduce((total, e) => total + QUALITY_REWARDS_FEN[e.grade], 0);
    const derived = subsidyAmount(state.facts, state.subsidy.amount.rule).amountFen + derivedRewards;
    const payments: RecordedPayment[] = [
      {
        party: 'districtFinance',
        amountFen: state.payment.amountFen,
        idempotencyKey: state.payment.idempotencyKey,
        reversed: false,
      },
      ...evaluations
        .filter((e) => e.rewardFen > 0)
        .map((e) => ({
          party: 'districtFinance',
          amountFen: e.rewardFen,
          idempotencyKey: `${state.caseId}:quality-reward:${e.year}`,
          reversed: false,
        })),
    ];
    return {
      basis: `construction subsidy (${state.subsidy.amount.applied}) and quality rewards`,
      totalFen: state.payment.amountFen + recordedRewards,
      recorded: { districtFinance: state.payment.amountFen + recordedRewards },
      derived: { districtFinance: derived },
      owed: { districtFinance: derived },
      payments,
    };
  },
};
