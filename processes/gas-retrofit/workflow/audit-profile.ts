/** How auditors read gas-retrofit histories: its decisions, the four parties' ledgers, and its settlement. */
import { GAS_RETROFIT_WORKFLOW_TYPES } from './contract';
import type { ProcessAuditProfile } from '../../../workflows/kit/audit-profile';
import type { GasRetrofitCaseState } from './contract';
import { CAMPAIGN_RULES, GAS_RETROFIT_RULES } from './rules';
import { computeSettlement, PARTIES, type Party, type SettlementUserType } from './settlement';

export const GAS_RETROFIT_LEDGERS: Record<Party, string> = {
  cityFinance: 'city_finance.ledger',
  districtFinance: 'district_finance.ledger',
  gasCompany: 'gas_company.ledger',
  resident: 'gas_company.receivables',
};

const nothingOwed = (): Record<Party, number> =>
  Object.fromEntries(PARTIES.map((party) => [party, 0])) as Record<Party, number>;

export const GAS_RETROFIT_HOUSEHOLD_AUDIT: ProcessAuditProfile<Party> = {
  workflowType: GAS_RETROFIT_WORKFLOW_TYPES.household,
  rules: GAS_RETROFIT_RULES,
  ledgers: GAS_RETROFIT_LEDGERS,
  settlementOf(ended) {
    const state = ended as GasRetrofitCaseState | undefined;
    if (!state?.settlement || !state.priceBasis || !state.items) return undefined;
    const derived = computeSettlement(
      state.userType as SettlementUserType,
      state.items,
      state.priceBasis.prices,
    ).totals;
    return {
      basis: state.priceBasis.basis,
      totalFen: state.settlement.totalFen,
      recorded: state.settlement.totals,
      derived,
      owed: state.stage === 'settlement-reversed' ? nothingOwed() : derived,
      payments: (state.payments ?? []).map(({ party, amountFen, idempotencyKey, reversed }) => ({
        party,
        amountFen,
        idempotencyKey,
        reversed,
      })),
    };
  },
};

export const GAS_RETROFIT_CAMPAIGN_AUDIT: ProcessAuditProfile<never> = {
  workflowType: GAS_RETROFIT_WORKFLOW_TYPES.campaign,
  rules: CAMPAIGN_RULES,
  ledgers: {},
  settlementOf: () => undefined,
};
