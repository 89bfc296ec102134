/** Enterprises judged against a catalogued policy version, on the facts the departments hold on the day. */
import type { Adapters } from '../../../activities/adapters';
import { judge, type Judgment } from '../policy/judge';
import type { PolicyOfCase } from '../workflow/contract';
import { gatherFacts } from './enterprise-facts';

/** Each enterprise the business register knows, judged; the rules are the catalogue's for the case's version. */
export async function judgeEnterprises(
  adapters: Adapters,
  policy: Pick<PolicyOfCase, 'policyId' | 'version'>,
  creditCodes: readonly string[],
  day: string,
): Promise<{ creditCode: string; judgment: Judgment }[]> {
  const saved = await adapters.policyCatalogue.version(policy.policyId, policy.version);
  if (!saved) throw new Error(`policy ${policy.policyId} has no version ${policy.version} in the catalogue`);
  const facts = await gatherFacts(adapters, creditCodes, day);
  return [...facts].map(([creditCode, enterpriseFacts]) => ({
    creditCode,
    judgment: judge(saved, enterpriseFacts, day),
  }));
}
