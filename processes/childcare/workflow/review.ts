/**
 * Before any money: the health commission's completeness check (with the loop back to the provider for
 * correction, counted and visible), then the departments' checks in parallel and the subsidy rules.
 */
import type { ChildcareActivities } from '../activities/applications';
import { departmentCalls } from '../../../workflows/kit/activity-options';
import { now } from '../../../workflows/kit/clock';
import { yearOf, type Application } from './application-case';
import type { ChildcareActionArgs, DepartmentCheck } from './contract';
import { SLOT_TARGETS_ARE_COVERAGE_PATCH } from './patches';
import { checkSubsidy } from './subsidy-rules';
import { refuseApplication, withdraw } from './outcomes';
import { takeStaffChange } from './staff-change';

const call = departmentCalls<ChildcareActivities>();
const { checkMarketRegulation } = call('市场监管：登记与最高限价');
const { checkCreditPlatform } = call('托育信用平台：黑名单与信用记录');
const { checkFireSafety } = call('消防：场所验收');
const { checkCommunity } = call('民政：社区核实');

export async function openCompletenessCheck({ theCase }: Application): Promise<void> {
  await theCase.enterStage('completeness-check');
  await theCase.openTask('completeness');
}

const onWithdraw =
  (application: Application) =>
  ({ reason, actor }: ChildcareActionArgs['withdraw']) =>
    withdraw(application, reason, actor.userId);

export async function awaitCompleteness(application: Application): Promise<void> {
  const { state, theCase } = application;
  await theCase.decide(await theCase.nextDecision(), {
    completeness: async ({ outcome, missing }) => {
      await theCase.closeTask('done');
      if (outcome === 'complete') return theCase.enterStage('department-checks');
      state.corrections += 1;
      state.correction = { missing: missing ?? [], since: now() };
      await theCase.enterStage('awaiting-correction');
      await theCase.openTask('correction');
    },
    withdraw: onWithdraw(application),
    'staff-change': takeStaffChange(application),
  });
}

export async function awaitCorrection(application: Application): Promise<void> {
  const { state, theCase } = application;
  await theCase.decide(await theCase.nextDecision(), {
    resubmit: async ({ facts }) => {
      await theCase.closeTask('done');
      state.facts = facts;
      delete state.correction;
      await openCompletenessCheck(application);
    },
    withdraw: onWithdraw(application),
    'staff-change': takeStaffChange(application),
  });
}

/** Market regulation, the credit platform, fire safety and civil affairs, in parallel; then every subsidy rule. */
export async function runDepartmentChecks(application: Application): Promise<void> {
  const { input, state, theCase } = application;
  const { provider } = state;
  const [market, credit, fire, communityExists] = await Promise.all([
    theCase.call(checkMarketRegulation, {
      creditCode: provider.creditCode,
      district: provider.district,
      year: yearOf(now()),
    }),
    theCase.call(checkCreditPlatform, { caseId: state.caseId, creditCode: provider.creditCode }),
    theCase.call(checkFireSafety, { creditCode: provider.creditCode, siteKey: input.siteKey }),
    theCase.call(checkCommunity, {
      district: provider.district,
      street: provider.street,
      community: provider.community,
    }),
  ]);
  const checks: DepartmentCheck[] = [
    {
      department: 'market-regulation',
      check: 'market-registration',
      passed: market.registration === 'active',
      detail: `business registration: ${market.registration}`,
    },
    {
      department: 'fire-safety',
      check: 'fire-safety-sign-off',
      passed: fire === 'passed',
      detail:
        fire === 'none' ? 'no fire-safety sign-off on file for the site' : `fire-safety sign-off ${fire}`,
    },
    {
      department: 'civil-affairs',
      check: 'community-exists',
      passed: communityExists,
      detail: communityExists
        ? 'the community is on civil affairs’ list'
        : 'civil affairs knows no such community',
    },
  ];
  state.departmentChecks = checks;
  state.subsidy = checkSubsidy(
    { ...state.facts, kind: provider.kind, level: provider.level },
    { priceCeilingFen: market.priceCeilingFen ?? undefined, ...credit },
    undefined,
    { slotTargetsAsCondition: !theCase.hasPatch(SLOT_TARGETS_ARE_COVERAGE_PATCH) },
  );
  const failed = [
    ...checks.filter((c) => !c.passed).map((c) => `${c.check}: ${c.detail}`),
    ...state.subsidy.rules.filter((r) => !r.passed).map((r) => `${r.rule}: ${r.detail}`),
  ];
  if (failed.length > 0) return refuseApplication(application, 'health-commission', failed);
  await theCase.enterStage('site-inspection');
  await theCase.openTask('inspection');
}
