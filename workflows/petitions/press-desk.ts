/**
 * The newspaper's public supervision desk (观观督办), the ladder's last rung: its reporter calls the department
 * holding the overdue petition and later publishes the outcome. Both are written to the desk's own records (an
 * external party's, read back through its adapter); the case keeps each call's answer and the story's headline.
 */
import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../../activities';
import { departmentCall } from '../kit/activity-options';
import { now } from '../kit/clock';
import type { PetitionActionArgs, PetitionCaseState, PressSupervision } from './contract';
import type { Petition } from './petition-case';

const { recordPressCall, publishPressOutcome } = proxyActivities<Activities>({
  ...departmentCall,
  summary: '观观督办',
});

const deskOf = (state: PetitionCaseState): PressSupervision => (state.press ??= { calls: [] });

export const pressFollowUp =
  ({ state, kase }: Petition) =>
  async ({ actor, answer, account }: PetitionActionArgs['press-follow-up']): Promise<void> => {
    const desk = deskOf(state);
    const call = {
      callKey: `${workflowInfo().workflowId}:call:${desk.calls.length + 1}`,
      calledDepartment: state.department!,
      answer,
      at: now(),
    };
    await kase.call(recordPressCall, {
      ...call,
      caseId: state.caseId,
      reporter: actor.userId,
      account,
      calledAt: call.at,
    });
    desk.calls.push({ ...call, by: actor.userId });
  };

export const pressPublish =
  ({ state, kase }: Petition) =>
  async ({ actor, verdict, headline, url }: PetitionActionArgs['press-publish']): Promise<void> => {
    const story = await kase.call(publishPressOutcome, {
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
