/**
 * The newspaper's public supervision desk (观观督办): it takes up a post itself or is handed an overdue one by the
 * ladder's last rung; its reporter calls the department holding the petition or any organisation that can answer,
 * visits the site, and publishes the outcome. Each is written to the desk's own records (an external party's, read
 * back through its adapter); the case keeps who did what when, each call's answer and the story's headline.
 */
import { workflowInfo } from '@temporalio/workflow';
import type { PetitionActivities } from '../activities/petition-office';
import { departmentCalls } from '../../../workflows/kit/activity-options';
import { now } from '../../../workflows/kit/clock';
import type { PetitionActionArgs, PetitionCaseState, PressSupervision } from './contract';
import type { Petition } from './petition-case';

const { recordPressCall, publishPressOutcome, recordPressTakeUp, recordPressVisit } =
  departmentCalls<PetitionActivities>()('观观督办');

const deskOf = (state: PetitionCaseState): PressSupervision => (state.press ??= { calls: [] });

const pressTakeUp =
  ({ state, theCase }: Petition) =>
  async ({ actor, account }: PetitionActionArgs['press-take-up']): Promise<void> => {
    const at = now();
    await theCase.call(recordPressTakeUp, {
      caseId: state.caseId,
      reporter: actor.userId,
      account,
      takenUpAt: at,
    });
    deskOf(state).takenUp = { by: actor.userId, at };
  };

const pressFollowUp =
  ({ state, theCase }: Petition) =>
  async ({ actor, answer, account, organisation }: PetitionActionArgs['press-follow-up']): Promise<void> => {
    const desk = deskOf(state);
    const call = {
      callKey: `${workflowInfo().workflowId}:call:${desk.calls.length + 1}`,
      ...(organisation ? { calledOrganisation: organisation } : { calledDepartment: state.department! }),
      answer,
      at: now(),
    };
    await theCase.call(recordPressCall, {
      ...call,
      caseId: state.caseId,
      reporter: actor.userId,
      account,
      calledAt: call.at,
    });
    desk.calls.push({ ...call, by: actor.userId });
  };

const pressVisit =
  ({ state, theCase }: Petition) =>
  async ({ actor, place, seen }: PetitionActionArgs['press-visit']): Promise<void> => {
    const visits = (deskOf(state).visits ??= []);
    const visit = {
      visitKey: `${workflowInfo().workflowId}:visit:${visits.length + 1}`,
      by: actor.userId,
      at: now(),
    };
    await theCase.call(recordPressVisit, {
      visitKey: visit.visitKey,
      caseId: state.caseId,
      reporter: actor.userId,
      place,
      seen,
      visitedAt: visit.at,
    });
    visits.push(visit);
  };

const pressPublish =
  ({ state, theCase }: Petition) =>
  async ({ actor, verdict, headline, url }: PetitionActionArgs['press-publish']): Promise<void> => {
    const story = await theCase.call(publishPressOutcome, {
      caseId: state.caseId,
      reporter: actor.userId,
      verdict,
      headline,
      url,
      publishedAt: now(),
    });
    deskOf(state).published = {
      by: story.reporter,
      verdict: story.verdict,
      headline: story.headline,
      url: story.url,
      publishedAt: story.publishedAt,
    };
  };

/** The desk's decisions, open at every stage a petition waits in (rules.ts says which, the validator when). */
export const pressDesk = (petition: Petition) => ({
  'press-take-up': pressTakeUp(petition),
  'press-follow-up': pressFollowUp(petition),
  'press-visit': pressVisit(petition),
  'press-publish': pressPublish(petition),
});
