/**
 * A change of an application's staff, taken as its own decision: the health commission applies the list it was
 * given, and once the department checks have run, the credit platform's blacklist check runs again on the new
 * list, so no one joins a provider's staff unchecked between the checks and the money.
 */
import { log } from '@temporalio/workflow';
import type { ChildcareActivities } from '../activities/applications';
import { departmentCalls } from '../../../workflows/kit/activity-options';
import type { Application } from './application-case';
import type { ChildcareActionArgs } from './contract';
import { refuseApplication } from './outcomes';
import { noBlacklistedStaff } from './subsidy-rules';

const { applyStaffChange } = departmentCalls<ChildcareActivities>()('卫健委：更换从业人员名单');
const { checkCreditPlatform } = departmentCalls<ChildcareActivities>()('托育信用平台：更换人员后复查黑名单');

async function apply({ state, theCase }: Application, changeId: string): Promise<boolean> {
  const applied = await theCase.call(applyStaffChange, { caseId: state.caseId, changeId });
  // Only the API sends this decision, with the change it has just filed; a missing one changes nothing.
  if (!applied) log.warn('staff change not found at the health commission: nothing applied', { changeId });
  return applied;
}

/** Before the department checks: the change is applied, and the checks will read the new list. */
export const takeStaffChange =
  (application: Application) =>
  async ({ changeId }: ChildcareActionArgs['staff-change']): Promise<void> => {
    await apply(application, changeId);
  };

/** After the department checks: the change is applied and the blacklist check runs again on the new list. */
export const takeStaffChangeAndRecheck =
  (application: Application) =>
  async ({ changeId }: ChildcareActionArgs['staff-change']): Promise<void> => {
    const { state, theCase } = application;
    if (!(await apply(application, changeId))) return;
    const findings = await theCase.call(checkCreditPlatform, {
      caseId: state.caseId,
      creditCode: state.provider.creditCode,
    });
    const recheck = noBlacklistedStaff(
      { ...state.facts, kind: state.provider.kind, level: state.provider.level },
      { ...findings, priceCeilingFen: undefined },
    );
    if (state.subsidy) {
      state.subsidy.rules = state.subsidy.rules.map((rule) => (rule.rule === recheck.rule ? recheck : rule));
    }
    if (!recheck.passed) {
      await refuseApplication(application, 'health-commission', [
        `${recheck.rule}: ${recheck.detail} (after the staff change)`,
      ]);
    }
  };
