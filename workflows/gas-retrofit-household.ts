import {
  ActivityFailure,
  ApplicationFailure,
  allHandlersFinished,
  CancellationScope,
  condition,
  isCancellation,
  continueAsNew,
  patched,
  proxyActivities,
  setCurrentDetails,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { Activities } from '../activities';
import {
  ACTIVITY_FAILURES,
  DEPARTMENTS,
  DECISION_REFUSALS,
  GAS_RETROFIT_ACTIONS,
  GAS_RETROFIT_TERMINAL_STAGES,
  gasRetrofitStateQuery,
  gasRetrofitUpdates,
  PROCESSES,
  SEARCH_ATTRIBUTES,
  type Actor,
  type Department,
  type GasRetrofitAction,
  type GasRetrofitActionArgs,
  type GasRetrofitCaseState,
  type GasRetrofitHouseholdInput,
  type GasRetrofitStage,
  type Role,
} from './definitions';
import { departmentCall } from './lib/activity-options';
import { gasRetrofitCaseAttributes } from './lib/case-attributes';
import { householdDetails } from './lib/case-details';
import { checkDecision, refuse } from './lib/decision-rules';
import { PARTIES } from './lib/settlement';

/** The full process (scheduling → installation → acceptance → settlement → payments) after the first slice. */
export const FULL_PROCESS_PATCH = 'gas-retrofit-full-process';
/** A cancellation no longer waits for a pending booking (which may wait days for installer capacity). */
export const CANCEL_WHILE_SCHEDULING_PATCH = 'gas-retrofit-cancel-while-scheduling';
/** Cases started before this also publish department, deadline, overdue, escalation rung and amount. */
export const CASE_ATTRIBUTES_PATCH = 'gas-retrofit-case-attributes';

/**
 * Deadlines of the human steps. *Assumption*: the city has published no figures for these; they are the
 * platform's defaults, in calendar days.
 */
export const GAS_RETROFIT_TIMINGS = {
  gridFollowUpDays: 3,
  acceptanceDays: 5,
  incidentDays: 2,
  escalationDays: 2,
  calibrationIntervalDays: 365,
  calibrationWindowDays: 30,
} as const;
const DAY_MS = 24 * 60 * 60 * 1000;

// Each activity carries a summary in Chinese, so the Web UI's timeline reads as the process does.
const call = (summary: string) => proxyActivities<Activities>({ ...departmentCall, summary });
const { checkGasEligibility } = call('燃气公司核验户号与用户类型');
const { recordCaseStage } = call('更新办件台账');
const { upsertHumanTask } = call('派发或升级待办');
const { closeHumanTask } = call('关闭待办');
const { endInstallationBooking } = call('释放或结束安装预约');
const { releaseBookingAttempt } = call('撤销未完成的预约');
const { recordInstallationCompletion } = call('登记安装完成与配件编号');
const { recordAcceptanceCheck } = call('登记燃气公司验收结果');
const { isGasAccountActive } = call('核实燃气户号是否在用');
// Installer capacity frees up as days pass: keep trying, slowly, rather than fail the case.
const { bookInstallationSlot } = proxyActivities<Activities>({
  summary: '预约安装队上门时段',
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '30 seconds', backoffCoefficient: 2, maximumInterval: '6 hours' },
});
// A missing tender price is waited for (retried hourly) until the district's finance bureau sets it.
const { priceGasRetrofit } = proxyActivities<Activities>({
  summary: '按区招标价（无则估算价）计价并分摊',
  startToCloseTimeout: '30 seconds',
  retry: {
    initialInterval: '5 seconds',
    backoffCoefficient: 2,
    maximumInterval: '1 hour',
    nonRetryableErrorTypes: [ACTIVITY_FAILURES.settlementRule],
  },
});
// Payments retry a few times, then the case stops in a visible payment-incident for a finance clerk.
const payments = (summary: string) =>
  proxyActivities<Activities>({
    summary,
    startToCloseTimeout: '30 seconds',
    retry: {
      initialInterval: '1 second',
      backoffCoefficient: 2,
      maximumInterval: '30 seconds',
      maximumAttempts: 5,
    },
  });
const { bookSettlementShare } = payments('记账拨付一方份额');
const { reverseSettlementShare } = payments('冲回一方份额');

interface PendingDecision {
  action: GasRetrofitAction;
  args: GasRetrofitActionArgs[GasRetrofitAction];
  accept: (state: GasRetrofitCaseState) => void;
  reject: (error: Error) => void;
}

interface TaskAssignment {
  kind: string;
  department: Department;
  role: Role;
  days: number;
}

/**
 * One household's gas-safety retrofit case (domain.md, Process 1): eligibility at the gas company → an
 * installer slot → installation (reschedules, misses, grid-worker follow-up) → acceptance by the gas company →
 * settlement at the district's tender prices → the four parties' payments → closed; non-residential users then
 * get a yearly alarm calibration for as long as the account is active.
 */
export async function gasRetrofitHousehold(input: GasRetrofitHouseholdInput): Promise<GasRetrofitCaseState> {
  const caseId = workflowInfo().workflowId;
  const state: GasRetrofitCaseState = input.carriedOver ?? {
    caseId,
    process: PROCESSES.gasRetrofitHousehold,
    district: input.district,
    accountRef: input.accountRef,
    userType: input.userType,
    channel: input.channel,
    stage: 'eligibility-check',
    ...(input.items ? { items: input.items } : {}),
  };
  let stageSeq = state.revision ?? 0;
  const inbox: PendingDecision[] = [];
  const now = () => new Date(Date.now()).toISOString();
  const inDays = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString();

  setHandler(gasRetrofitStateQuery, () => state);
  for (const action of GAS_RETROFIT_ACTIONS) {
    setHandler(
      gasRetrofitUpdates[action],
      (args: GasRetrofitActionArgs[typeof action]) =>
        new Promise<GasRetrofitCaseState>((accept, reject) => inbox.push({ action, args, accept, reject })),
      { validator: (args: GasRetrofitActionArgs[typeof action]) => validateDecision(action, args) },
    );
  }

  function validateDecision<A extends GasRetrofitAction>(action: A, args: GasRetrofitActionArgs[A]): void {
    checkDecision(action, args.actor, state.district, state.stage);
    if (action === 'report-installation') {
      const { serials } = args as GasRetrofitActionArgs['report-installation'];
      for (const part of partsFitted()) {
        if (!serials[part]?.trim()) refuse('invalid', `serials.${part}: is required, the ${part} was fitted`);
      }
    }
    if (action === 'acceptance') {
      const { result, reason } = args as GasRetrofitActionArgs['acceptance'];
      if (result === 'fail' && !reason?.trim())
        refuse('invalid', 'reason: is required when acceptance fails');
    }
  }

  function partsFitted(): string[] {
    const parts: string[] = [];
    if (state.userType.startsWith('non-residential')) parts.push('alarm', 'shutoffValve');
    if (state.items?.valve) parts.push('valve');
    if (state.items?.hoseLengthM !== undefined) parts.push('hose');
    return parts;
  }

  async function enterStage(stage: GasRetrofitStage): Promise<void> {
    state.stage = stage;
    stageSeq += 1;
    state.revision = stageSeq;
    upsertSearchAttributes([
      { key: SEARCH_ATTRIBUTES.stage, value: stage },
      ...(patched(CASE_ATTRIBUTES_PATCH) ? gasRetrofitCaseAttributes(state) : []),
    ]);
    setCurrentDetails(householdDetails(state));
    await recordCaseStage({
      caseId,
      ...(input.campaignId ? { campaignId: input.campaignId } : {}),
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
        bookingDay: state.booking?.day ?? null,
        totalFen: state.settlement?.totalFen ?? null,
      },
    });
  }

  /** Search attributes and current details after a task opens, escalates, falls overdue or closes. */
  function publishTaskChange(): void {
    setCurrentDetails(householdDetails(state));
    if (patched(CASE_ATTRIBUTES_PATCH)) upsertSearchAttributes(gasRetrofitCaseAttributes(state));
  }

  function record(action: GasRetrofitAction, by: Actor, detail: string): void {
    (state.decisions ??= []).push({ action, by, at: now(), detail });
  }

  // ---- human tasks: a deadline, and escalation when it passes -----------------------------------------

  async function openTask(assignment: TaskAssignment): Promise<void> {
    const taskId = `${caseId}:${assignment.kind}:${stageSeq}`;
    state.openTask = {
      taskId,
      kind: assignment.kind,
      department: assignment.department,
      role: assignment.role,
      dueAt: inDays(assignment.days),
      escalationRung: 0,
    };
    publishTaskChange();
    await upsertHumanTask({ ...state.openTask, caseId, district: state.district });
  }

  async function closeTask(status: 'done' | 'cancelled'): Promise<void> {
    if (!state.openTask) return;
    await closeHumanTask({ taskId: state.openTask.taskId, status });
    delete state.openTask;
    publishTaskChange();
  }

  /** Waits for the next decision; if the open task's deadline passes first, escalates it and keeps waiting. */
  async function nextDecision(escalateTo?: { department: Department; role: Role }): Promise<PendingDecision> {
    for (;;) {
      const task = state.openTask;
      const timeout = task ? Math.max(0, Date.parse(task.dueAt) - Date.now()) : undefined;
      const arrived =
        timeout === undefined
          ? await condition(() => inbox.length > 0).then(() => true)
          : await condition(() => inbox.length > 0, timeout, {
              summary: `待办截止：${task!.kind} · ${DEPARTMENTS[task!.department]}`,
            });
      if (arrived) return inbox.shift()!;
      if (task && escalateTo) {
        task.escalationRung += 1;
        task.department = escalateTo.department;
        task.role = escalateTo.role;
        task.dueAt = inDays(GAS_RETROFIT_TIMINGS.escalationDays);
        task.overdue = true;
        publishTaskChange();
        await upsertHumanTask({ ...task, caseId, district: state.district });
      } else if (task) {
        // Nobody to escalate to: the task stays overdue and visible; wait for the decision without a timer.
        task.overdue = true;
        publishTaskChange();
        await condition(() => inbox.length > 0);
      }
    }
  }

  /** Applies a decision the validator accepted, unless the case has moved on since (then 409 to the caller). */
  async function apply(
    pending: PendingDecision,
    handlers: Partial<Record<GasRetrofitAction, (args: never) => Promise<void>>>,
  ) {
    const handler = handlers[pending.action];
    if (!handler) {
      pending.reject(
        ApplicationFailure.nonRetryable(
          `${pending.action} is no longer possible: the case is at stage ${state.stage}`,
          DECISION_REFUSALS.wrongStage,
        ),
      );
      return;
    }
    record(pending.action, pending.args.actor, JSON.stringify({ ...pending.args, actor: undefined }));
    await handler(pending.args as never);
    pending.accept(state);
  }

  // ---- the steps --------------------------------------------------------------------------------------

  async function bookSlot(earliestDay?: string): Promise<void> {
    await enterStage('scheduling');
    // Each entry into scheduling has its own revision, so each booking its own key.
    const request = {
      idempotencyKey: `${caseId}:booking:${stageSeq}`,
      caseId,
      district: state.district,
      ...(earliestDay ? { earliestDay } : {}),
    };
    if (!patched(CANCEL_WHILE_SCHEDULING_PATCH)) {
      state.booking = await bookInstallationSlot(request);
      await enterStage('installation-scheduled');
      return;
    }
    const attempt = new CancellationScope();
    const booked = attempt.run(() => bookInstallationSlot(request));
    const cancelRequested = condition(() => inbox.some((pending) => pending.action === 'cancel'));
    if (
      (await Promise.race([
        booked.then(() => 'booked' as const),
        cancelRequested.then(() => 'cancel' as const),
      ])) === 'cancel'
    ) {
      attempt.cancel();
      await booked.catch((error: unknown) => {
        if (!isCancellation(error)) throw error;
      });
      // The booking may have landed just before the cancellation did: free whatever slot this request took.
      await releaseBookingAttempt({ idempotencyKey: request.idempotencyKey });
      return; // still at `scheduling`: the main loop applies the pending cancellation
    }
    state.booking = await booked;
    await enterStage('installation-scheduled');
  }

  async function endBooking(status: 'released' | 'missed'): Promise<void> {
    if (state.booking) await endInstallationBooking({ bookingId: state.booking.bookingId, status });
    delete state.booking;
  }

  async function cancel(reason: 'resident-withdrew' | 'account-closed', by: string): Promise<void> {
    await endBooking('released');
    await closeTask('cancelled');
    state.cancellation = { reason, by };
    await enterStage('cancelled');
  }

  const onCancel = ({ reason, actor }: GasRetrofitActionArgs['cancel']) => cancel(reason, actor.userId);

  async function awaitInstallation(): Promise<void> {
    await apply(await nextDecision(), {
      reschedule: async ({ preferredDay }: GasRetrofitActionArgs['reschedule']) => {
        await endBooking('released');
        await bookSlot(preferredDay);
      },
      'record-miss': async () => {
        await endBooking('missed');
        state.misses = (state.misses ?? 0) + 1;
        if (state.misses >= 2) {
          await enterStage('grid-follow-up');
          await openTask({
            kind: 'grid-follow-up',
            department: 'community',
            role: 'grid-worker',
            days: GAS_RETROFIT_TIMINGS.gridFollowUpDays,
          });
        } else {
          await bookSlot();
        }
      },
      'report-installation': async ({ serials, actor }: GasRetrofitActionArgs['report-installation']) => {
        await recordInstallationCompletion({
          idempotencyKey: `${caseId}:completion:${stageSeq}`,
          caseId,
          bookingId: state.booking!.bookingId,
          serials,
          reportedBy: actor.userId,
        });
        state.serials = serials;
        await awaitAcceptanceStage();
      },
      cancel: onCancel,
    });
  }

  async function awaitAcceptanceStage(): Promise<void> {
    await enterStage('acceptance');
    await openTask({
      kind: 'acceptance',
      department: 'gas-company',
      role: 'clerk',
      days: GAS_RETROFIT_TIMINGS.acceptanceDays,
    });
  }

  async function awaitGridFollowUp(): Promise<void> {
    await apply(await nextDecision({ department: 'gas-safety-office', role: 'supervisor' }), {
      'grid-follow-up': async ({ outcome, actor }: GasRetrofitActionArgs['grid-follow-up']) => {
        if (outcome === 'withdrawn') return cancel('resident-withdrew', actor.userId);
        await closeTask('done');
        state.misses = 0;
        await bookSlot();
      },
      cancel: onCancel,
    });
  }

  async function awaitAcceptance(): Promise<void> {
    await apply(await nextDecision({ department: 'gas-safety-office', role: 'supervisor' }), {
      acceptance: async ({ result, reason, actor }: GasRetrofitActionArgs['acceptance']) => {
        await recordAcceptanceCheck({
          idempotencyKey: `${caseId}:acceptance:${stageSeq}`,
          caseId,
          result,
          ...(reason ? { reason } : {}),
          inspector: actor.userId,
        });
        await closeTask('done');
        if (result === 'fail') {
          state.reworks = (state.reworks ?? 0) + 1;
          // New-build homes are only verified: the builder puts it right, and the gas company checks again.
          if (state.userType === 'new-build-residential') return awaitAcceptanceStage();
          return bookSlot();
        }
        if (state.userType === 'new-build-residential') return enterStage('closed');
        await enterStage('settlement');
      },
    });
  }

  async function settle(): Promise<void> {
    if (!state.items)
      throw ApplicationFailure.nonRetryable(
        'items are required to settle a retrofit',
        ACTIVITY_FAILURES.settlementRule,
      );
    const priced = await priceGasRetrofit({
      district: state.district,
      userType: state.userType as Exclude<typeof state.userType, 'new-build-residential'>,
      items: state.items,
    });
    state.priceBasis = priced.priceBasis;
    state.settlement = priced.settlement;
    state.payments = [];
    await enterStage('payment');
  }

  async function pay(): Promise<void> {
    for (const party of PARTIES) {
      const amountFen = state.settlement!.totals[party];
      if (amountFen === 0 || state.payments!.some((p) => p.party === party)) continue;
      const idempotencyKey = `${caseId}:settlement:${party}`;
      try {
        const entry = await bookSettlementShare({
          caseId,
          district: state.district,
          party,
          amountFen,
          idempotencyKey,
        });
        state.payments!.push({ party, amountFen, idempotencyKey, entryId: entry.entryId, reversed: false });
      } catch (error) {
        if (!(error instanceof ActivityFailure)) throw error;
        return paymentIncident(party, error.cause?.message ?? error.message);
      }
    }
    await closeTask('done');
    delete state.incident;
    await enterStage(state.userType.startsWith('non-residential') ? 'calibration-watch' : 'closed');
  }

  async function paymentIncident(party: (typeof PARTIES)[number], message: string): Promise<void> {
    state.incident = { party, message, since: now() };
    await enterStage('payment-incident');
    if (!state.openTask) {
      await openTask({
        kind: 'payment-incident',
        department: 'district-finance',
        role: 'finance',
        days: GAS_RETROFIT_TIMINGS.incidentDays,
      });
    }
  }

  async function awaitIncidentResolution(): Promise<void> {
    await apply(await nextDecision({ department: 'city-finance', role: 'finance' }), {
      'resolve-incident': async ({ action }: GasRetrofitActionArgs['resolve-incident']) => {
        if (action === 'retry') {
          await enterStage('payment');
          return;
        }
        for (const payment of state.payments!.filter((p) => !p.reversed)) {
          try {
            await reverseSettlementShare({
              party: payment.party,
              idempotencyKey: `${payment.idempotencyKey}:reversal`,
              reverses: payment.idempotencyKey,
            });
            payment.reversed = true;
          } catch (error) {
            if (!(error instanceof ActivityFailure)) throw error;
            // A failed refund is never swallowed: the case stays in the incident (its task still open), loudly.
            return paymentIncident(
              payment.party,
              `reversal failed: ${error.cause?.message ?? error.message}`,
            );
          }
        }
        await closeTask('done');
        delete state.incident;
        await enterStage('settlement-reversed');
      },
    });
  }

  async function watchCalibration(): Promise<'continue-as-new' | 'ended'> {
    state.calibration ??= {
      nextDueAt: inDays(GAS_RETROFIT_TIMINGS.calibrationIntervalDays),
      lastCalibratedAt: null,
      year: 1,
    };
    const dueIn = Math.max(0, Date.parse(state.calibration.nextDueAt) - Date.now());
    if (
      !state.openTask &&
      !(await condition(() => inbox.length > 0, dueIn, { summary: '报警器年度校验到期' }))
    ) {
      if (!(await isGasAccountActive({ accountRef: state.accountRef }))) {
        await enterStage('closed');
        return 'ended';
      }
      await openTask({
        kind: 'alarm-calibration',
        department: 'gas-company',
        role: 'clerk',
        days: GAS_RETROFIT_TIMINGS.calibrationWindowDays,
      });
      await enterStage('calibration-watch');
    }
    await apply(await nextDecision({ department: 'gas-safety-office', role: 'supervisor' }), {
      'record-calibration': async () => {
        await closeTask('done');
        const calibration = state.calibration!;
        calibration.lastCalibratedAt = now();
        calibration.nextDueAt = inDays(GAS_RETROFIT_TIMINGS.calibrationIntervalDays);
        calibration.year += 1;
      },
    });
    return 'continue-as-new';
  }

  // ---- the process ------------------------------------------------------------------------------------

  if (!input.carriedOver) {
    await enterStage('eligibility-check');
    state.eligibility = await checkGasEligibility({
      idempotencyKey: `${caseId}:eligibility`,
      caseId,
      district: input.district,
      accountRef: input.accountRef,
      userType: input.userType,
    });
    if (state.eligibility.outcome === 'ineligible') {
      await enterStage('ineligible');
      return state;
    }
    if (!patched(FULL_PROCESS_PATCH)) {
      await enterStage('eligible');
      return state;
    }
    if (state.userType === 'new-build-residential') await awaitAcceptanceStage();
    else await bookSlot();
  }

  while (!GAS_RETROFIT_TERMINAL_STAGES.includes(state.stage)) {
    switch (state.stage) {
      case 'scheduling': {
        const cancelAt = inbox.findIndex((pending) => pending.action === 'cancel');
        if (cancelAt >= 0) {
          await apply(inbox.splice(cancelAt, 1)[0]!, { cancel: onCancel });
        } else {
          await bookSlot();
        }
        break;
      }
      case 'installation-scheduled':
        await awaitInstallation();
        break;
      case 'grid-follow-up':
        await awaitGridFollowUp();
        break;
      case 'acceptance':
        await awaitAcceptance();
        break;
      case 'settlement':
        await settle();
        break;
      case 'payment':
        await pay();
        break;
      case 'payment-incident':
        await awaitIncidentResolution();
        break;
      case 'calibration-watch':
        if ((await watchCalibration()) === 'continue-as-new') {
          // One calibration year per run keeps the history bounded for an account that lives for decades.
          await condition(allHandlersFinished);
          await continueAsNew<typeof gasRetrofitHousehold>({ ...input, carriedOver: state });
        }
        break;
      default:
        throw ApplicationFailure.nonRetryable(`no step for stage ${state.stage}`);
    }
  }
  // Decisions that arrived too late for the case are refused rather than left hanging.
  for (const pending of inbox.splice(0)) {
    pending.reject(
      ApplicationFailure.nonRetryable(`the case has ended (${state.stage})`, DECISION_REFUSALS.wrongStage),
    );
  }
  await condition(allHandlersFinished);
  return state;
}
