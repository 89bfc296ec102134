/**
 * Policy payout's department calls: the judgment (the departments' facts against the policy's rules), 郑好办's
 * messages, the claim and the payment from the policy’s funds (the round’s are in round.ts). Each is recorded in
 * the case's history; each side effect carries an idempotency key the database enforces.
 */
import type { ActivityTemporal } from '../../../activities';
import type { Adapters } from '../../../activities/adapters';
import type { CarryingCaseProgress } from '../../../activities/case-progress';
import type { PolicyPaymentOrder, PolicyPaymentResult } from '../../../activities/adapters/policy-funds/port';
import type { Judgment } from '../policy/judge';
import type { PolicyOfCase } from '../workflow/contract';
import { judgeEnterprises } from './judging';
import { createRoundActivities } from './round';

export function createCaseActivities(adapters: Adapters) {
  return {
    /** The departments' facts about the enterprise on the day (Beijing), against the case's policy version. */
    async judgeEnterprise(request: {
      policy: PolicyOfCase;
      creditCode: string;
      day: string;
    }): Promise<Judgment | null> {
      const [judged] = await judgeEnterprises(adapters, request.policy, [request.creditCode], request.day);
      return judged?.judgment ?? null;
    },

    /** A message to the enterprise's legal-person account at 郑好办, once per case and kind of message. */
    async notifyEnterprise(request: {
      caseId: string;
      creditCode: string;
      template: 'policy-found' | 'confirmation-reminder' | 'correction-requested' | 'paid' | 'refused';
      params: Record<string, string | number>;
    }): Promise<void> {
      await adapters.zhenghaoban.send({
        idempotencyKey: `${request.caseId}:${request.template}`,
        recipientCreditCode: request.creditCode,
        template: request.template,
        params: request.params,
      });
    },

    /** What the enterprise would be paid in full, for a policy that shares its budget pro rata. */
    async claimPolicyAmount(claim: {
      policyId: string;
      year: number;
      creditCode: string;
      amountFen: number;
      caseId: string;
    }) {
      await adapters.policyFunds.claim(claim);
    },

    /** Finance pays from the policy's budget: once per key, never past the budget (the database holds both). */
    async payPolicy(order: PolicyPaymentOrder): Promise<PolicyPaymentResult> {
      return adapters.policyFunds.pay(order);
    },
  };
}

export function createPolicyPayoutActivities(adapters: Adapters, temporal: ActivityTemporal | undefined) {
  return { ...createCaseActivities(adapters), ...createRoundActivities(adapters, temporal) };
}

/** What the policy payout workflows may call, each activity able to carry the case's progress. */
export type PolicyPayoutActivities = CarryingCaseProgress<ReturnType<typeof createPolicyPayoutActivities>>;
