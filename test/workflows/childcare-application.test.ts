import assert from 'node:assert/strict';
import { yearOf } from '../../processes/childcare/workflow/application-case';
import { DECISION_REFUSALS, SEARCH_ATTRIBUTES } from '../../workflows/definitions';
import { refusal } from '../helpers/update-refusal';
import type { ChildcareCaseState } from '../../processes/childcare/workflow/contract';
import {
  closeOf,
  loadFixedYear,
  sleepUntil,
  tenInTheMorning,
  unloadFixedYears,
} from '../helpers/fixed-calendar';
import { withFailingDistrictFinance } from '../helpers/failing-district-finance';
import { useTimeSkippingSuite } from '../helpers/workflow-suite';
import { approveThrough, childcareActors as actors, startApplication } from './childcare-helpers';
import { assertNoPersonalData } from '../helpers/personal-data-scan';

const J = 'jinshui' as const;

describe('childcareApplication workflow (time-skipping server, Postgres adapters)', function () {
  this.timeout(120_000);
  const districtFinanceFailures = { left: 0 };
  const fireSafetyFailures = { left: 0 };
  const suite = useTimeSkippingSuite('childcare', (postgres) => {
    const real = withFailingDistrictFinance(postgres, districtFinanceFailures);
    // Fire safety's system, down for the next calls a test asks for.
    return {
      ...real,
      fireSafety: {
        signOff: (creditCode, siteKey) => {
          if (fireSafetyFailures.left === 0) return real.fireSafety.signOff(creditCode, siteKey);
          fireSafetyFailures.left -= 1;
          return Promise.reject(new Error('fire safety system unavailable'));
        },
        recordSignOff: (creditCode, siteKey, passed) =>
          real.fireSafety.recordSignOff(creditCode, siteKey, passed),
      },
    };
  });

  afterEach(async function () {
    await unloadFixedYears(suite.db);
  });
  /** Who holds the open task (department, role, district or city) and until when. */
  const holderOf = (s: ChildcareCaseState) => [
    s.openTask?.department,
    s.openTask?.role,
    s.openTask?.level,
    s.openTask?.dueAt,
  ];

  const start = (options?: Parameters<typeof startApplication>[3]) =>
    startApplication(suite.env, suite.adapters, suite.taskQueue, options);

  it('main path: checked, inspected, approved twice, paid once after faults, registered; a yearly reward once', async function () {
    const { driver: c } = await start();
    districtFinanceFailures.left = 2;
    await approveThrough(c);
    const registered = await c.waitForStage('registered', 60_000);
    assert.equal(districtFinanceFailures.left, 0, 'the payment was retried past the faults');
    assert.equal(registered.payment?.amountFen, 30_000_000);
    assert.deepEqual(
      registered.subsidy?.rules.filter((r) => !r.passed),
      [],
    );
    const ledger = await suite.db('district_finance.ledger').where({ case_id: c.caseId });
    assert.deepEqual(
      ledger.map((row: { idempotency_key: string; amount_fen: string }) => [
        row.idempotency_key,
        Number(row.amount_fen),
      ]),
      [[`${c.caseId}:construction-subsidy`, 30_000_000]],
    );
    const entry = await suite.db('health_commission.childcare_registry').where({ case_id: c.caseId }).first();
    assert.equal(entry?.slots, 30);

    // A year on, the quality evaluation falls due: a task for the district's health commission.
    await suite.env.sleep('366 days');
    const due = await c.waitForStage('registered', 20_000, (s) => s.openTask?.kind === 'quality-evaluation');
    assert.equal(due.openTask?.department, 'health-commission');
    await c.record('quality-evaluation', { actor: actors.supervisor(J), grade: 'A' });
    // The run continues as new for the next year; the new run carries the evaluation.
    const next = await c.waitForStage(
      'registered',
      20_000,
      (s) => (s.quality?.evaluations.length ?? 0) === 1 && !s.workingOn,
    );
    const year = next.quality!.evaluations[0]!.year;
    assert.equal(next.quality!.evaluations[0]!.rewardFen, 5_000_000);
    // The same year again is refused: once per provider and year.
    assert.equal(
      await refusal(c.record('quality-evaluation', { actor: actors.supervisor(J), grade: 'B' })),
      DECISION_REFUSALS.wrongStage,
    );
    const rewards = await suite.db('district_finance.ledger').where({
      idempotency_key: `${c.caseId}:quality-reward:${year}`,
    });
    assert.equal(rewards.length, 1);
    assert.equal(
      (await suite.db('health_commission.quality_evaluations').where({ case_id: c.caseId })).length,
      1,
    );
  });

  it('a subsidy payment that fails every attempt stops in a payment incident; finance retries it and it is paid once', async function () {
    const { driver: c } = await start();
    districtFinanceFailures.left = 5;
    await approveThrough(c);
    const incident = await c.waitForStage('payment-incident', 60_000, (s) => s.openTask !== undefined);
    assert.equal(districtFinanceFailures.left, 0, 'every attempt was spent');
    assert.equal(incident.incident?.party, 'construction-subsidy');
    assert.deepEqual(holderOf(incident).slice(0, 3), ['district-finance', 'finance', 'district']);
    assert.equal(incident.payment, undefined);
    assert.equal(
      await refusal(c.act('resolve-incident', { actor: actors.clerk(J), action: 'retry' })),
      DECISION_REFUSALS.forbidden,
      'the health commission does not pay',
    );
    await c.act('resolve-incident', { actor: actors.finance(J), action: 'retry' });
    const registered = await c.waitForStage('registered', 60_000);
    assert.equal(registered.incident, undefined);
    assert.equal(registered.openTask, undefined);
    assert.equal(registered.payment?.amountFen, 30_000_000);
    const ledger = await suite.db('district_finance.ledger').where({ case_id: c.caseId });
    assert.equal(ledger.length, 1, 'paid once');
  });

  it('a quality reward that fails every attempt stops in a payment incident, the grade kept; a retry pays it once', async function () {
    const { driver: c } = await start();
    await approveThrough(c);
    await c.waitForStage('registered', 60_000);
    await suite.env.sleep('366 days');
    await c.waitForStage('registered', 20_000, (s) => s.openTask?.kind === 'quality-evaluation');
    districtFinanceFailures.left = 5;
    await c.record('quality-evaluation', { actor: actors.supervisor(J), grade: 'A' });
    const incident = await c.waitForStage('payment-incident', 60_000, (s) => s.openTask !== undefined);
    assert.equal(incident.incident?.party, 'quality-reward');
    assert.equal(incident.openTask?.kind, 'payment-incident');
    assert.equal(incident.quality?.unpaid?.grade, 'A');
    assert.equal(incident.quality?.evaluations.length, 0);
    await c.act('resolve-incident', { actor: actors.finance(J), action: 'retry' });
    const paid = await c.waitForStage(
      'registered',
      60_000,
      (s) => (s.quality?.evaluations.length ?? 0) === 1,
    );
    assert.equal(paid.quality?.unpaid, undefined);
    assert.equal(paid.quality?.evaluations[0]?.rewardFen, 5_000_000);
    const year = paid.quality.evaluations[0].year;
    const rewards = await suite.db('district_finance.ledger').where({
      idempotency_key: `${c.caseId}:quality-reward:${year}`,
    });
    assert.equal(rewards.length, 1, 'paid once');
  });

  it('returned for correction, resubmitted, complete: the loop is counted and visible', async function () {
    const { driver: c, body } = await start();
    await c.waitForStage('completeness-check', 20_000, (s) => s.openTask?.kind === 'completeness');
    assert.equal(
      await refusal(c.record('completeness', { actor: actors.clerk(J), outcome: 'return-for-correction' })),
      DECISION_REFUSALS.invalid,
    );
    const returned = await c.act('completeness', {
      actor: actors.clerk(J),
      outcome: 'return-for-correction',
      missing: ['recording retention certificate'],
    });
    assert.equal(returned.stage, 'awaiting-correction');
    assert.equal(returned.corrections, 1);
    assert.equal(returned.openTask?.kind, 'correction');
    const corrected = await c.act('resubmit', {
      actor: actors.clerk(J),
      facts: { ...body.facts, recordingRetentionDays: 120 },
    });
    assert.equal(corrected.stage, 'completeness-check');
    assert.equal(corrected.facts.recordingRetentionDays, 120);
    assert.equal(corrected.correction, undefined);
  });

  it('a 19-slot 公建民营 community point passes the checks: slot targets are coverage, not a condition', async function () {
    const { driver: c } = await start({ body: (b) => ({ ...b, facts: { ...b.facts, slots: 19 } }) });
    await c.waitForStage('completeness-check', 20_000, (s) => s.openTask?.kind === 'completeness');
    await c.act('completeness', { actor: actors.clerk(J), outcome: 'complete' });
    const checked = await c.waitForStage('site-inspection', 20_000, (s) => s.openTask?.kind === 'inspection');
    assert.equal(checked.subsidy?.eligible, true);
    assert.ok(!checked.subsidy?.rules.some((r) => r.rule === 'minimum-slots'));
    // ¥10,000 × 19 = ¥190,000 against 60% of ¥800,000 = ¥480,000: the lower, per slot.
    assert.deepEqual(
      [checked.subsidy?.amount.applied, checked.subsidy?.amount.amountFen],
      ['per-slot', 19_000_000],
    );
  });

  for (const [name, options, rule] of [
    ['market regulation has no registration', { prepare: { registration: true } }, 'market-registration'],
    ['fire safety has not signed off the site', { prepare: { fireSafety: true } }, 'fire-safety-sign-off'],
    [
      'civil affairs knows no such community',
      {
        prepare: { community: true },
        body: (b) => ({ ...b, provider: { ...b.provider, community: `无此社区${process.pid}` } }),
      },
      'community-exists',
    ],
    [
      'a street provider, not a community point',
      {
        body: (b) => ({
          ...b,
          provider: { ...b.provider, level: 'street' },
          facts: { ...b.facts, slots: 60 },
        }),
      },
      'inclusive-community-point',
    ],
    [
      'recordings kept 89 days',
      { body: (b) => ({ ...b, facts: { ...b.facts, recordingRetentionDays: 89 } }) },
      'recordings-kept-90-days',
    ],
  ] satisfies Array<[string, Parameters<typeof startApplication>[3], string]>) {
    it(`refused with its reason when ${name}`, async function () {
      const { driver: c } = await start(options);
      await c.waitForStage('completeness-check', 20_000, (s) => s.openTask?.kind === 'completeness');
      await c.record('completeness', { actor: actors.clerk(J), outcome: 'complete' });
      const ended = await c.handle.result();
      assert.equal(ended.stage, 'refused');
      assert.ok(
        ended.refusal?.reasons.some((r) => r.startsWith(`${rule}:`)),
        JSON.stringify(ended.refusal),
      );
      assert.equal((await suite.db('district_finance.ledger').where({ case_id: c.caseId })).length, 0);
      assert.equal((await suite.db('onething.tasks').where({ case_id: c.caseId, status: 'open' })).length, 0);
    });
  }

  it('a blacklisted staff member refuses the application (staff never pass through Temporal)', async function () {
    const { driver: c, body } = await start();
    await suite.adapters.creditPlatform.blacklistStaff(body.staff[0]!.certificateNumber, 'test: barred');
    await c.waitForStage('completeness-check', 20_000, (s) => s.openTask?.kind === 'completeness');
    await c.record('completeness', { actor: actors.clerk(J), outcome: 'complete' });
    const ended = await c.handle.result();
    assert.ok(ended.refusal?.reasons.some((r) => r.startsWith('no-blacklisted-staff:')));
    await assertNoPersonalData(
      [await c.handle.fetchHistory()],
      body.staff.flatMap((member) => [member.name, member.certificateNumber]),
      { sees: body.provider.creditCode },
    );
  });

  it('a staff change after the checks runs the blacklist check again: a clean list stays, a barred one refuses', async function () {
    const { driver: c, body } = await start();
    await c.waitForStage('completeness-check', 20_000, (s) => s.openTask?.kind === 'completeness');
    await c.act('completeness', { actor: actors.clerk(J), outcome: 'complete' });
    await c.waitForStage('site-inspection', 20_000, (s) => s.openTask?.kind === 'inspection');
    const change = (certificateNumber: string) =>
      suite.adapters.healthCommission.proposeStaffChange({
        caseId: c.caseId,
        staff: [{ name: '新保育员', certificateNumber }],
        requestedBy: 'hc-clerk',
      });

    const clean = await change(`CERT-NEW-${process.pid}-1`);
    await c.record('staff-change', {
      actor: actors.clerk(J),
      changeId: clean,
      reason: '保育员离职，补充新人',
    });
    const kept = await c.waitForStage('site-inspection', 20_000, (s) => s.workingOn === undefined);
    assert.equal(kept.openTask?.kind, 'inspection', 'the inspection still waits');
    assert.deepEqual(
      (await suite.adapters.healthCommission.staffOf(c.caseId)).map((m) => m.certificateNumber),
      [`CERT-NEW-${process.pid}-1`],
    );

    const barredCertificate = `CERT-NEW-${process.pid}-2`;
    await suite.adapters.creditPlatform.blacklistStaff(barredCertificate, 'test: barred');
    const barred = await change(barredCertificate);
    await c.record('staff-change', { actor: actors.clerk(J), changeId: barred, reason: '再次更换' });
    const ended = await c.handle.result();
    assert.equal(ended.stage, 'refused');
    assert.deepEqual(ended.refusal?.reasons, [
      'no-blacklisted-staff: 1 staff on the blacklist (after the staff change)',
    ]);
    assert.equal(ended.subsidy?.rules.find((r) => r.rule === 'no-blacklisted-staff')?.passed, false);
    await assertNoPersonalData(
      [await c.handle.fetchHistory()],
      [...body.staff.flatMap((m) => [m.name, m.certificateNumber]), '新保育员', barredCertificate],
      { sees: body.provider.creditCode },
    );
  });

  it('a staff change without a reason, or by another department, is refused and changes nothing', async function () {
    const { driver: c } = await start();
    await c.waitForStage('completeness-check', 20_000, (s) => s.openTask?.kind === 'completeness');
    const changeId = await suite.adapters.healthCommission.proposeStaffChange({
      caseId: c.caseId,
      staff: [{ name: '某人', certificateNumber: `CERT-X-${process.pid}` }],
      requestedBy: 'hc-clerk',
    });
    assert.equal(
      await refusal(c.record('staff-change', { actor: actors.clerk(J), changeId, reason: ' ' })),
      DECISION_REFUSALS.invalid,
    );
    assert.equal(
      await refusal(c.record('staff-change', { actor: actors.finance(J), changeId, reason: '更换' })),
      DECISION_REFUSALS.forbidden,
    );
    assert.notDeepEqual(
      (await suite.adapters.healthCommission.staffOf(c.caseId)).map((m) => m.certificateNumber),
      [`CERT-X-${process.pid}`],
    );
  });

  for (const step of ['inspection', 'health-approval', 'finance-approval'] as const) {
    it(`a refusal at ${step} ends the case with its reasons, and nothing is paid`, async function () {
      const { driver: c } = await start();
      await c.waitForStage('completeness-check', 20_000, (s) => s.openTask?.kind === 'completeness');
      await c.act('completeness', { actor: actors.clerk(J), outcome: 'complete' });
      await c.waitForStage('site-inspection', 20_000, (s) => s.openTask?.kind === 'inspection');
      if (step === 'inspection') {
        await c.record('inspection', {
          actor: actors.inspector(J),
          result: 'fail',
          photosRef: 'P-9',
          reason: 'no alarm',
        });
      } else {
        await c.act('inspection', { actor: actors.inspector(J), result: 'pass', photosRef: 'P-9' });
        if (step === 'health-approval') {
          await c.record('health-approval', {
            actor: actors.supervisor(J),
            decision: 'refuse',
            reasons: ['site too small'],
          });
        } else {
          await c.act('health-approval', { actor: actors.supervisor(J), decision: 'approve' });
          await c.record('finance-approval', {
            actor: actors.finance(J),
            decision: 'refuse',
            reasons: ['budget spent'],
          });
        }
      }
      const ended = await c.handle.result();
      assert.equal(ended.stage, 'refused');
      assert.equal(ended.refusal?.by, step === 'finance-approval' ? 'district-finance' : 'health-commission');
      assert.ok((ended.refusal?.reasons.length ?? 0) > 0);
      assert.equal((await suite.db('district_finance.ledger').where({ case_id: c.caseId })).length, 0);
    });
  }

  it('an overdue completeness check passes to the city health commission after 5 working days, then stays overdue', async function () {
    await loadFixedYear(suite.adapters);
    await sleepUntil(suite.env, tenInTheMorning('2037-09-25')); // a Friday, the week before National Day
    const { driver: c } = await start();
    const open = await c.waitForStage(
      'completeness-check',
      20_000,
      (s) => s.openTask?.kind === 'completeness',
    );
    // Monday 28 to Wednesday 30 September, then past National Day (1–7 October) Thursday 8 and Friday 9.
    assert.deepEqual(holderOf(open), ['health-commission', 'clerk', 'district', closeOf('2037-10-09')]);
    await sleepUntil(suite.env, closeOf('2037-10-09'));
    await suite.env.sleep('1 hour');
    // The city's supervisor: three working days after the missed deadline (Saturday 10 October, a make-up working
    // day, is the day the period starts and is not counted): Monday 12 to Wednesday 14 October.
    const escalated = await c.waitForStage(
      'completeness-check',
      20_000,
      (s) => s.openTask?.escalationRung === 1,
    );
    assert.deepEqual(holderOf(escalated), ['health-commission', 'supervisor', 'city', closeOf('2037-10-14')]);
    assert.equal(escalated.openTask?.overdue, true);
    const typed = (await c.handle.describe()).typedSearchAttributes;
    assert.equal(typed.get(SEARCH_ATTRIBUTES.overdue), true);
    assert.equal(typed.get(SEARCH_ATTRIBUTES.escalationRung), 1);
    // The city supervisor may settle it: every rung can act.
    const done = await c.act('completeness', { actor: actors.citySupervisor(), outcome: 'complete' });
    assert.notEqual(done.stage, 'completeness-check');
  });

  it('a department that is down is retried, not taken for a refusal', async function () {
    const { driver: c } = await start();
    await c.waitForStage('completeness-check', 20_000, (s) => s.openTask?.kind === 'completeness');
    fireSafetyFailures.left = 3;
    await c.record('completeness', { actor: actors.clerk(J), outcome: 'complete' });
    const inspecting = await c.waitForStage(
      'site-inspection',
      60_000,
      (s) => s.openTask?.kind === 'inspection',
    );
    assert.equal(fireSafetyFailures.left, 0, 'the sign-off was asked again after each failure');
    assert.deepEqual(
      inspecting.departmentChecks?.map(({ check, passed }) => `${check}: ${passed}`),
      ['market-registration: true', 'fire-safety-sign-off: true', 'community-exists: true'],
    );
  });

  // Opened on Monday 2 November 2037 (no holiday near): inspection has 10 working days (to Monday 16), an approval
  // 5 (to Monday 9); the city's rung then 3 from the missed deadline's close, its first day not counted.
  for (const [step, rungs] of [
    [
      'inspection',
      [
        ['health-commission', 'inspector', 'district', closeOf('2037-11-16')],
        ['health-commission', 'supervisor', 'city', closeOf('2037-11-20')],
      ],
    ],
    [
      'health-approval',
      [
        ['health-commission', 'supervisor', 'district', closeOf('2037-11-09')],
        ['health-commission', 'supervisor', 'city', closeOf('2037-11-13')],
      ],
    ],
    [
      'finance-approval',
      [
        ['district-finance', 'finance', 'district', closeOf('2037-11-09')],
        ['city-finance', 'finance', 'city', closeOf('2037-11-13')],
      ],
    ],
  ] as const) {
    it(`an overdue ${step} passes up its ladder in working days, then stays overdue at the last rung`, async function () {
      await loadFixedYear(suite.adapters);
      await sleepUntil(suite.env, tenInTheMorning('2037-11-02'));
      const { driver: c } = await start();
      await c.waitForStage('completeness-check', 20_000, (s) => s.openTask?.kind === 'completeness');
      await c.act('completeness', { actor: actors.clerk(J), outcome: 'complete' });
      await c.waitForStage('site-inspection', 20_000, (s) => s.openTask?.kind === 'inspection');
      if (step !== 'inspection') {
        await c.act('inspection', { actor: actors.inspector(J), result: 'pass', photosRef: 'P-L' });
        await c.waitForStage('health-approval', 20_000, (s) => s.openTask?.kind === 'health-approval');
      }
      if (step === 'finance-approval') {
        await c.act('health-approval', { actor: actors.supervisor(J), decision: 'approve' });
        await c.waitForStage('finance-approval', 20_000, (s) => s.openTask?.kind === 'finance-approval');
      }
      const first = await c.state();
      assert.deepEqual([...holderOf(first), first.openTask?.escalationRung], [...rungs[0], 0]);
      await sleepUntil(suite.env, rungs[0][3]);
      await suite.env.sleep('1 hour');
      const escalated = await c.waitForStage(
        step === 'inspection' ? 'site-inspection' : step,
        20_000,
        (s) => s.openTask?.escalationRung === 1,
      );
      assert.deepEqual(holderOf(escalated), [...rungs[1]]);
      await suite.env.sleep('30 days');
      const still = (await c.state()).openTask!;
      assert.deepEqual(
        [still.escalationRung, still.overdue],
        [1, true],
        'the last rung keeps the task, overdue',
      );
      await c.record('withdraw', { actor: actors.clerk(J), reason: 'test done' });
    });
  }

  it('whoever inspected the provider may not also approve it: separation of duties', async function () {
    const { driver: c } = await start();
    await c.waitForStage('completeness-check', 20_000, (s) => s.openTask?.kind === 'completeness');
    await c.act('completeness', { actor: actors.clerk(J), outcome: 'complete' });
    await c.waitForStage('site-inspection', 20_000, (s) => s.openTask?.kind === 'inspection');
    // A supervisor may inspect; the same supervisor then may not approve what they inspected.
    const inspecting = actors.supervisor(J);
    await c.act('inspection', { actor: inspecting, result: 'pass', photosRef: 'P-SOD' });
    assert.equal(
      await refusal(c.record('health-approval', { actor: inspecting, decision: 'approve' })),
      DECISION_REFUSALS.forbidden,
    );
    const approved = await c.act('health-approval', {
      actor: { ...inspecting, userId: 'hc-supervisor-2' },
      decision: 'approve',
    });
    assert.equal(approved.stage, 'finance-approval');
    await c.record('withdraw', { actor: actors.clerk(J), reason: 'test done' });
  });

  it('a withdrawal before payment ends the case and closes its task', async function () {
    const { driver: c } = await start();
    await c.waitForStage('completeness-check', 20_000, (s) => s.openTask?.kind === 'completeness');
    await c.record('withdraw', { actor: actors.clerk(J), reason: 'provider moved' });
    const ended = await c.handle.result();
    assert.equal(ended.stage, 'withdrawn');
    assert.equal((await suite.db('onething.tasks').where({ case_id: c.caseId, status: 'open' })).length, 0);
    assert.equal(yearOf('2026-12-31T17:00:00.000Z'), 2027, 'years turn at Beijing midnight');
  });
});
