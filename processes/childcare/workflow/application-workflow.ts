import { ApplicationFailure, continueAsNew, workflowInfo } from '@temporalio/workflow';
import { openApplication } from './application-case';
import { awaitFinanceApproval, awaitHealthApproval, awaitInspection } from './approval';
import {
  CHILDCARE_TERMINAL_STAGES,
  type ChildcareApplicationInput,
  type ChildcareCaseState,
  CHILDCARE_PROCESS_CODE,
} from './contract';
import { awaitIncidentResolution, awaitQualityEvaluation, payAndRegister } from './registration';
import { awaitCompleteness, awaitCorrection, openCompletenessCheck, runDepartmentChecks } from './review';

function initialState(input: ChildcareApplicationInput): ChildcareCaseState {
  return {
    caseId: workflowInfo().workflowId,
    process: CHILDCARE_PROCESS_CODE,
    district: input.provider.district,
    stage: 'completeness-check',
    provider: input.provider,
    facts: input.facts,
    corrections: 0,
  };
}

/**
 * One childcare provider's construction-subsidy application (docs/sources.md, childcare): the health commission's
 * completeness check (returned for correction as often as needed) → market regulation, the credit platform, fire
 * safety and civil affairs in parallel, and every subsidy rule → site inspection → approval by the district health
 * commission, then district finance → payment, once → the childcare registry, and a quality evaluation every year
 * for as long as the provider runs.
 */
export async function childcareApplication(input: ChildcareApplicationInput): Promise<ChildcareCaseState> {
  const application = openApplication(input, input.carriedOver ?? initialState(input));
  const { state, theCase } = application;
  if (!input.carriedOver) await openCompletenessCheck(application);

  while (!CHILDCARE_TERMINAL_STAGES.includes(state.stage)) {
    switch (state.stage) {
      case 'completeness-check':
        await awaitCompleteness(application);
        break;
      case 'awaiting-correction':
        await awaitCorrection(application);
        break;
      case 'department-checks':
        await runDepartmentChecks(application);
        break;
      case 'site-inspection':
        await awaitInspection(application);
        break;
      case 'health-approval':
        await awaitHealthApproval(application);
        break;
      case 'finance-approval':
        await awaitFinanceApproval(application);
        break;
      case 'payment':
        await payAndRegister(application);
        break;
      case 'payment-incident':
        await awaitIncidentResolution(application);
        break;
      case 'registered':
        await awaitQualityEvaluation(application);
        // A reward that failed every attempt leaves the case in its payment incident, in this run.
        if (state.stage !== 'registered') break;
        await theCase.closeRun();
        await continueAsNew<typeof childcareApplication>({ ...input, carriedOver: state });
        break;
      default:
        throw ApplicationFailure.nonRetryable(`no step for stage ${state.stage}`);
    }
  }
  await theCase.finish();
  return state;
}
