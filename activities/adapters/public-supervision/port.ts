import type { Department } from '../../../workflows/definitions';
import type { PressCallAnswer, PressVerdict } from '../../../workflows/petitions/contract';

/** A reporter's call to the department holding an overdue petition, as the desk writes it down. */
export interface FollowUpCall {
  /** `<caseId>:call:<n>`: the case's own count, so a retried write records the call once. */
  callKey: string;
  caseId: string;
  reporter: string;
  calledDepartment: Department;
  answer: PressCallAnswer;
  /** The reporter's account of the call: the desk's text, kept here and never in Temporal. */
  account: string;
  calledAt: string;
}

/** What the desk published about the petition: one story per case. */
export interface PublishedOutcome {
  caseId: string;
  reporter: string;
  verdict: PressVerdict;
  headline: string;
  url: string;
  publishedAt: string;
}

/** The newspaper's public supervision desk (观观督办): an external party with records of its own. */
export interface PublicSupervisionPort {
  recordCall(call: FollowUpCall): Promise<void>;
  calls(caseId: string): Promise<FollowUpCall[]>;
  /** Publishes once per case; publishing the same case again keeps the first story and returns it. */
  publish(outcome: PublishedOutcome): Promise<PublishedOutcome>;
  published(caseId: string): Promise<PublishedOutcome | undefined>;
}
