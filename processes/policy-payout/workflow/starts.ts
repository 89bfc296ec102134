/** How policy cases and 免申即享 rounds are started (platform/start-once.ts does the starting). */
import { firstAttributes, type CaseStart } from '../../../workflows/kit/case-start';
import { SEARCH_ATTRIBUTES } from '../../../workflows/kit/search-attributes';
import { DISTRICTS } from '../../../workflows/kit/vocabulary';
import {
  policyPayoutWorkflowId,
  policyRoundWorkflowId,
  POLICY_PAYOUT_PROCESS_CODES,
  POLICY_PAYOUT_WORKFLOW_TYPES,
  type PolicyPayoutInput,
  type PolicyRoundInput,
} from './contract';
import { payoutSummary } from './details';

/** One case per policy, year and enterprise, however it was found: the ID is all three, in the enterprise's district. */
export function payoutCaseStart(input: PolicyPayoutInput): CaseStart<PolicyPayoutInput> {
  const automatic = input.policy.terms.mode === 'automatic';
  return {
    workflowType: POLICY_PAYOUT_WORKFLOW_TYPES.payout,
    workflowId: policyPayoutWorkflowId(input.district, input.policy.policyId, input.year, input.creditCode),
    input,
    staticSummary: payoutSummary(input.policy, input.year, input.district),
    typedSearchAttributes: [
      ...firstAttributes({
        process: POLICY_PAYOUT_PROCESS_CODES.payout,
        district: input.district,
        stage: automatic ? 'awaiting-confirmation' : 'completeness-check',
        department: automatic ? 'enterprise' : input.policy.terms.issuer.department,
      }),
      ...(input.roundId ? [{ key: SEARCH_ATTRIBUTES.campaign, value: input.roundId }] : []),
    ],
  };
}

/** One 免申即享 round per policy, year and district. */
export function roundStart(input: PolicyRoundInput): CaseStart<PolicyRoundInput> {
  return {
    workflowType: POLICY_PAYOUT_WORKFLOW_TYPES.round,
    workflowId: policyRoundWorkflowId(input.district, input.policy.policyId, input.year),
    input,
    staticSummary: `亲清在线 · 免申即享批次 · ${input.policy.terms.title} · ${input.year} · ${DISTRICTS[input.district]}`,
    typedSearchAttributes: [
      { key: SEARCH_ATTRIBUTES.process, value: POLICY_PAYOUT_PROCESS_CODES.round },
      { key: SEARCH_ATTRIBUTES.district, value: input.district },
      { key: SEARCH_ATTRIBUTES.stage, value: 'running' },
      { key: SEARCH_ATTRIBUTES.department, value: input.policy.terms.issuer.department },
    ],
  };
}
