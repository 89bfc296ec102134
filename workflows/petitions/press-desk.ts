/**
 * The newspaper's public supervision desk (观观督办), the ladder's last rung: its reporter calls the department
 * holding the overdue petition and later publishes the outcome. Both are written to the desk's own records (an
 * external party's, read back through its adapter); the case keeps each call's answer and the story's headline.
 */
import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../../activities';
import { departmentCall } from '../kit/activity-options';
import { now } from '../kit/clock';
import { refuse } from '../kit/refusals';
import type { PetitionActionArgs, PetitionCaseState, PressSupervision } from './contract';
import type { Petition } from './petition-case';

const { recordPressCall, publishPressOutcome } = proxyActivities<Activities>({
  ...departmentCall,
  summary: '观观督办',
});

/** Checks a press decision against the case: calls only once the ladder reached the desk, one story after a call. */
export function validatePressDecision(
  action: 'press-follow-up' | 'press-publish',
  state: PetitionCaseState,
): void {
  if (action === 'press-follow-up' && state.openTask?.supervisedBy?.department !== 'public-supervision') {
    refuse('wrongStage', 'press-follow-up: the petition has not reached the public supervision desk');
  }
  if (action === 'press-publish') {
    if (!state.press?.calls.length) refuse('wrongStage', 'press-publish: the desk publishes after its call');
    if (state.press.published) refuse('wrongStage', 'press-publish: the outcome was published already');
  }
}

const deskOf = (state: PetitionCaseState): PressSupervision => (state.press ??= { calls: [] });

export const pressFollowUp =
  ({ state }: Petition) =>
  async ({ actor, answer, account }: PetitionActionArgs['press-follow-up']): Promise<void> => {
    const desk = deskOf(state);
    const call = {
      callKey: `${workflowInfo().workflowId}:call:${desk.calls.length + 1}`,
      calledDepartment: state.department!,
      answer,
      at: now(),
    };
    await recordPressCall({
      ...call,
      caseId: state.caseId,
      reporter: actor.userId,
      account,
      calledAt: call.at,
    });
    desk.calls.push({ ...call, by: actor.userId });
  };

export const pressPublish =
  ({ state }: Petition) =>
  async ({ actor, verdict, headline, url }: PetitionActionArgs['press-publish']): Promise<void> => {
    const story = await publishPressOutcome({
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
