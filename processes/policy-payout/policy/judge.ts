/**
 * An enterprise judged against a policy version: each eligibility rule's result and the amount. Run in an activity,
 * so the judgment lands in the case's history with the facts it was made on; replay never judges again.
 */
import { factValue, satisfies } from './rule-language';
import type { EnterpriseFacts } from './facts';
import type { PolicyVersion } from '../../../activities/adapters/policy-catalogue/terms';
import { amountFor } from './amount';

export interface Judgment {
  policyId: string;
  version: number;
  ruleLanguage: string;
  eligible: boolean;
  rules: { name: string; passed: boolean }[];
  amountFen: number;
  facts: EnterpriseFacts;
  judgedOn: string;
}

export function judge(policy: PolicyVersion, facts: EnterpriseFacts, judgedOn: string): Judgment {
  const rules = policy.terms.eligibility.map(({ name, logic }) => ({
    name,
    passed: satisfies(logic, facts),
  }));
  const { amount } = policy.terms;
  const counted = 'fact' in amount ? factValue(facts, amount.fact) : null;
  return {
    policyId: policy.policyId,
    version: policy.version,
    ruleLanguage: policy.ruleLanguage,
    eligible: rules.every((rule) => rule.passed),
    rules,
    amountFen: amountFor(amount, typeof counted === 'number' ? counted : null),
    facts,
    judgedOn,
  };
}
