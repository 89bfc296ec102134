import { proxyActivities, setHandler, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../activities';
import {
  gasRetrofitStateQuery,
  PROCESSES,
  SEARCH_ATTRIBUTES,
  type GasRetrofitCaseState,
  type GasRetrofitHouseholdInput,
  type GasRetrofitStage,
} from './definitions';
import { departmentCall } from './lib/activity-options';

const { checkGasEligibility, recordCaseStage } = proxyActivities<Activities>(departmentCall);

/**
 * One household's gas-safety retrofit case (domain.md, Process 1).
 * First slice: the gas company checks the account and user type; the outcome is recorded and the case ends.
 */
export async function gasRetrofitHousehold(input: GasRetrofitHouseholdInput): Promise<GasRetrofitCaseState> {
  const caseId = workflowInfo().workflowId;
  const state: GasRetrofitCaseState = {
    caseId,
    process: PROCESSES.gasRetrofitHousehold,
    district: input.district,
    accountRef: input.accountRef,
    userType: input.userType,
    channel: input.channel,
    stage: 'eligibility-check',
  };
  let stageSeq = 0;
  setHandler(gasRetrofitStateQuery, () => state);

  async function enterStage(stage: GasRetrofitStage): Promise<void> {
    state.stage = stage;
    stageSeq += 1;
    upsertSearchAttributes([{ key: SEARCH_ATTRIBUTES.stage, value: stage }]);
    await recordCaseStage({
      caseId,
      process: state.process,
      district: state.district,
      stage,
      stageSeq,
      details: {
        accountRef: state.accountRef,
        userType: state.userType,
        channel: state.channel,
        eligibilityCheckId: state.eligibility?.checkId ?? null,
        ineligibilityReason: state.eligibility?.outcome === 'ineligible' ? state.eligibility.reason : null,
      },
    });
  }

  await enterStage('eligibility-check');
  state.eligibility = await checkGasEligibility({
    idempotencyKey: `${caseId}:eligibility`,
    caseId,
    district: input.district,
    accountRef: input.accountRef,
    userType: input.userType,
  });
  await enterStage(state.eligibility.outcome === 'eligible' ? 'eligible' : 'ineligible');
  return state;
}
