import type { PolicyTerms, PolicyVersion } from './terms';
import type { Department, Jurisdiction } from '../../../workflows/kit/vocabulary';

export interface SavedPolicyVersion extends PolicyVersion {
  savedBy: string;
  savedAt: string;
}

export interface PolicySummary {
  policyId: string;
  version: number;
  title: string;
  issuer: { department: Department; area: Jurisdiction };
  kind: PolicyTerms['kind'];
  mode: PolicyTerms['mode'];
}

export class PolicyIssuerMismatchError extends Error {
  constructor(readonly policyId: string) {
    super(`policy ${policyId} is another issuer's: its issuer never changes`);
  }
}

export class BudgetBelowCommittedError extends Error {
  constructor(
    readonly year: number,
    readonly committedFen: number,
  ) {
    super(`budgets.${year}: may not be less than the ${committedFen} fen already paid from it`);
  }
}

/**
 * The policy catalogue of 亲清在线 (run by the big-data bureau for the issuing departments): each save of a policy is
 * a new version, kept for ever, so a case judged by version n can always be read again; the year's budgets are set
 * with it.
 */
export interface PolicyCataloguePort {
  /** Saves the terms as the policy's next version (1 for a new policy) and sets its budgets. */
  save(
    policyId: string,
    ruleLanguage: string,
    terms: PolicyTerms,
    savedBy: string,
  ): Promise<SavedPolicyVersion>;
  /** The latest version, or the one asked for; undefined when there is none. */
  version(policyId: string, version?: number): Promise<SavedPolicyVersion | undefined>;
  /** Every policy at its latest version, by ID. */
  list(): Promise<PolicySummary[]>;
}
