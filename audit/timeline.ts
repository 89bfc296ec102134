/**
 * A case's decision timeline, derived from its history alone: who decided what, when, under which rule; stage
 * changes; deadlines met or missed; the settlement and the money per party. Headed by the history's SHA-256.
 */
import type { temporal } from '@temporalio/proto';
import { GAS_RETROFIT_RULES } from '../workflows/gas-retrofit/rules';
import type { Actor, GasRetrofitAction, GasRetrofitCaseState } from '../workflows/definitions';
import type { StoredAuditEntry } from '../activities/adapters/audit-log/port';
import type { Decoder } from './decode';
import type { Evidence } from './histories';

type HistoryEvent = temporal.api.history.v1.IHistoryEvent;

export interface TimelineEntry {
  at: string;
  kind: 'started' | 'decision' | 'refused' | 'stage' | 'activity' | 'deadline' | 'ended';
  text: string;
  actor?: Actor;
  rule?: string;
}

export interface Timeline {
  workflowId: string;
  source: string;
  sha256: string;
  workflowType: string;
  entries: TimelineEntry[];
  settlement?: {
    basis: string;
    totalFen: number;
    totals: Record<string, number>;
    payments: Array<{ party: string; amountFen: number; idempotencyKey: string; reversed: boolean }>;
  };
}

const timeOf = (event: HistoryEvent) => {
  const t = event.eventTime;
  return t ? new Date(Number(t.seconds ?? 0) * 1000 + Math.floor((t.nanos ?? 0) / 1e6)).toISOString() : '';
};

export function ruleOf(action: GasRetrofitAction): string {
  const who = GAS_RETROFIT_RULES[action].permissions
    .map((p) => `${p.role} of ${p.departments.join(' or ')}`)
    .join('; ');
  return `${who}, in the case's district, at stage ${GAS_RETROFIT_RULES[action].stages.join(' or ')}`;
}

const isDecision = (name: string): name is GasRetrofitAction => name in GAS_RETROFIT_RULES;

export async function buildTimeline(
  evidence: Evidence,
  decode: Decoder,
  refusals: readonly StoredAuditEntry[] = [],
): Promise<Timeline> {
  const events = evidence.history.events ?? [];
  const entries: TimelineEntry[] = [];
  const activities = new Map<string, string>();
  const timers = new Map<string, string>();
  let workflowType = '';
  let finalState: GasRetrofitCaseState | undefined;

  for (const event of events) {
    const at = timeOf(event);
    const started = event.workflowExecutionStartedEventAttributes;
    if (started) {
      workflowType = started.workflowType?.name ?? '';
      const [input] = (await decode(started.input?.payloads)) as Array<{ startedBy?: Actor } | undefined>;
      entries.push({
        at,
        kind: 'started',
        text: `case started (${workflowType})`,
        ...(input?.startedBy ? { actor: input.startedBy } : {}),
      });
    }
    const accepted = event.workflowExecutionUpdateAcceptedEventAttributes;
    const name = accepted?.acceptedRequest?.input?.name;
    if (accepted && name) {
      const [args] = (await decode(accepted.acceptedRequest?.input?.args?.payloads)) as Array<
        ({ actor?: Actor } & Record<string, unknown>) | undefined
      >;
      const { actor, ...decided } = args ?? {};
      entries.push({
        at,
        kind: 'decision',
        text: `${name} ${JSON.stringify(decided)}`,
        ...(actor ? { actor } : {}),
        ...(isDecision(name) ? { rule: ruleOf(name) } : {}),
      });
    }
    const upsert = event.upsertWorkflowSearchAttributesEventAttributes?.searchAttributes?.indexedFields;
    const stage = upsert?.OneThingStage;
    if (stage) {
      const [value] = await decode([stage]);
      entries.push({ at, kind: 'stage', text: `stage → ${String(value)}` });
    }
    const scheduled = event.activityTaskScheduledEventAttributes;
    if (scheduled) activities.set(String(event.eventId), scheduled.activityType?.name ?? '');
    const completed = event.activityTaskCompletedEventAttributes;
    if (completed) {
      const type = activities.get(String(completed.scheduledEventId)) ?? '';
      if (type !== 'recordCaseStage' && type !== 'upsertHumanTask') {
        entries.push({ at, kind: 'activity', text: `${type} completed` });
      }
    }
    const timerStarted = event.timerStartedEventAttributes;
    if (timerStarted?.timerId) {
      const seconds = Number(timerStarted.startToFireTimeout?.seconds ?? 0);
      timers.set(timerStarted.timerId, `${(seconds / 86400).toFixed(1)} days`);
    }
    const fired = event.timerFiredEventAttributes;
    if (fired?.timerId && timers.has(fired.timerId)) {
      entries.push({
        at,
        kind: 'deadline',
        text: `deadline of ${timers.get(fired.timerId)} passed (missed)`,
      });
    }
    const cancelled = event.timerCanceledEventAttributes;
    if (cancelled?.timerId && timers.has(cancelled.timerId)) {
      entries.push({ at, kind: 'deadline', text: `deadline of ${timers.get(cancelled.timerId)} met` });
    }
    const done = event.workflowExecutionCompletedEventAttributes;
    if (done) {
      [finalState] = (await decode(done.result?.payloads)) as Array<GasRetrofitCaseState | undefined>;
      entries.push({ at, kind: 'ended', text: `case ended at stage ${finalState?.stage ?? '?'}` });
    }
    if (event.workflowExecutionContinuedAsNewEventAttributes) {
      entries.push({ at, kind: 'ended', text: 'continued as new (the case goes on in a new run)' });
    }
  }
  for (const refusal of refusals) {
    entries.push({
      at: refusal.at,
      kind: 'refused',
      text: `${refusal.action} refused: ${refusal.reason}`,
      actor: refusal.actor,
    });
  }
  entries.sort((a, b) => a.at.localeCompare(b.at));

  const settlement = finalState?.settlement;
  return {
    workflowId: evidence.workflowId,
    source: evidence.source,
    sha256: evidence.sha256,
    workflowType,
    entries,
    ...(settlement && finalState?.priceBasis
      ? {
          settlement: {
            basis: finalState.priceBasis.basis,
            totalFen: settlement.totalFen,
            totals: settlement.totals,
            payments: (finalState.payments ?? []).map(({ party, amountFen, idempotencyKey, reversed }) => ({
              party,
              amountFen,
              idempotencyKey,
              reversed,
            })),
          },
        }
      : {}),
  };
}
