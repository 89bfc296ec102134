import type { Department } from '../../../workflows/definitions';
import type { PressCallAnswer, PressVerdict } from '../../../workflows/kit/department-words';

/** A reporter's call to the department holding a petition, or to an organisation that can answer. */
export interface FollowUpCall {
  /** `<caseId>:call:<n>`: the case's own count, so a retried write records the call once. */
  callKey: string;
  caseId: string;
  reporter: string;
  /** Exactly one of the two: the department holding the petition, or an outside organisation by name. */
  calledDepartment?: Department;
  calledOrganisation?: string;
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

/** A post the desk took up itself, and why. */
export interface TakeUp {
  caseId: string;
  reporter: string;
  account: string;
  takenUpAt: string;
}

/** A reporter's visit to the place a petition is about, and what was seen there. */
export interface SiteVisit {
  /** `<caseId>:visit:<n>`: the case's own count, so a retried write records the visit once. */
  visitKey: string;
  caseId: string;
  reporter: string;
  place: string;
  seen: string;
  visitedAt: string;
}

/** The newspaper's public supervision desk (观观督办): an external party with records of its own. */
export interface PublicSupervisionPort {
  /** Records the take-up once per case (a retried write keeps the first). */
  recordTakeUp(takeUp: TakeUp): Promise<void>;
  takeUp(caseId: string): Promise<TakeUp | undefined>;
  recordVisit(visit: SiteVisit): Promise<void>;
  visits(caseId: string): Promise<SiteVisit[]>;
  recordCall(call: FollowUpCall): Promise<void>;
  calls(caseId: string): Promise<FollowUpCall[]>;
  /** Publishes once per case; publishing the same case again keeps the first story and returns it. */
  publish(outcome: PublishedOutcome): Promise<PublishedOutcome>;
  published(caseId: string): Promise<PublishedOutcome | undefined>;
}
