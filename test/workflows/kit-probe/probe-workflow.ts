/**
 * A test-only process built on the kit alone: one human task whose ladder counts working days. It proves the
 * kit's machinery without any real process's steps around it (bundled only by test/workflows/kit.test.ts).
 */
import { defineQuery, defineUpdate, workflowInfo } from '@temporalio/workflow';
import type { DecisionRules } from '../../../workflows/kit/access';
import { openCase } from '../../../workflows/kit/case';
import type { CaseCore } from '../../../workflows/kit/case-state';
import type { TaskLadder } from '../../../workflows/kit/ladder';
import type { Actor, District } from '../../../workflows/kit/vocabulary';

type Stage = 'waiting' | 'done';
type Action = 'reply';
interface Args {
  reply: { actor: Actor };
}
export type ProbeState = CaseCore<Stage, Action>;

export const probeStateQuery = defineQuery<ProbeState>('probeState');
export const probeUpdates = { reply: defineUpdate<ProbeState, [Args['reply']], 'reply'>('reply') };

const RULES: DecisionRules<Action, Stage> = {
  reply: {
    permissions: [
      { role: 'clerk', departments: ['petition-office'] },
      { role: 'supervisor', departments: ['petition-office'] },
    ],
    stages: ['waiting'],
  },
};

/** Two working days for the district's clerk, then 25 more for the city's supervisor. */
export const PROBE_LADDERS: Record<'reply', TaskLadder<Action, Stage>> = {
  reply: {
    stage: 'waiting',
    settledBy: ['reply'],
    rungs: [
      { department: 'petition-office', role: 'clerk', level: 'district', days: 2, unit: 'working-days' },
      { department: 'petition-office', role: 'supervisor', level: 'city', days: 25, unit: 'working-days' },
    ],
  },
};

export async function kitProbe(input: { district: District }): Promise<ProbeState> {
  const state: ProbeState = { caseId: workflowInfo().workflowId, district: input.district, stage: 'waiting' };
  const theCase = openCase<ProbeState, Stage, Action, Args, 'reply'>(
    {
      actions: ['reply'],
      updates: probeUpdates,
      stateQuery: probeStateQuery,
      rules: RULES,
      ladders: PROBE_LADDERS,
      publication: {
        attributes: () => [],
        details: (s) => `stage ${s.stage}`,
        registry: (s) => ({
          caseId: s.caseId,
          process: 'kit-probe',
          district: s.district,
          details: {},
        }),
      },
    },
    state,
  );
  await theCase.enterStage('waiting');
  await theCase.openTask('reply');
  await theCase.decide(await theCase.nextDecision(), {
    reply: async () => {
      await theCase.closeTask('done');
      await theCase.enterStage('done');
    },
  });
  await theCase.finish();
  return state;
}
