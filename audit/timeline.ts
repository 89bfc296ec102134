/**
 * A case's decision timeline, derived from its history alone: who decided what, when, under which rule; stage
 * changes; deadlines met or missed; the settlement and the money per party. Headed by the history's SHA-256.
 */
import type { temporal } from '@temporalio/proto';
import type { DecisionRules } from '../workflows/kit/access';
import type { Actor } from '../workflows/definitions';
import type { StoredAuditEntry } from '../activities/adapters/audit-log/port';
import { READ_MODEL_ACTIVITIES } from '../activities/case-progress';
import type { Decoder } from './decode';
import type { Evidence } from './histories';
import { auditProfileOf } from './profiles';

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

/** The rule a decision was taken under, in words, from its process's rules table. */
export function ruleOf(rules: DecisionRules<string, string>, action: string): string | undefined {
  const rule = rules[action];
  if (!rule) return undefined;
  const who = rule.permissions.map((p) => `${p.role} of ${p.departments.join(' or ')}`).join('; ');
  return `${who}, in the case's district, at stage ${rule.stages.join(' or ')}`;
}

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
  let finalState: { stage?: string } | undefined;
  let lastStage: unknown;
  // A stage is set at start and upserted when it changes (only the changed attributes, on runs since the patch
  // baseline); earlier runs upserted their first stage again, which is not a change.
  const stageEntry = async (at: string, stage: temporal.api.common.v1.IPayload | null | undefined) => {
    if (!stage) return;
    const [value] = await decode([stage]);
    if (value === lastStage) return;
    lastStage = value;
    entries.push({ at, kind: 'stage', text: `stage → ${String(value)}` });
  };

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
      await stageEntry(at, started.searchAttributes?.indexedFields?.OneThingStage);
    }
    const accepted = event.workflowExecutionUpdateAcceptedEventAttributes;
    const name = accepted?.acceptedRequest?.input?.name;
    if (accepted && name) {
      const [args] = (await decode(accepted.acceptedRequest?.input?.args?.payloads)) as Array<
        ({ actor?: Actor } & Record<string, unknown>) | undefined
      >;
      const { actor, ...decided } = args ?? {};
      const rules = auditProfileOf(workflowType)?.rules;
      const rule = rules && ruleOf(rules, name);
      entries.push({
        at,
        kind: 'decision',
        text: `${name} ${JSON.stringify(decided)}`,
        ...(actor ? { actor } : {}),
        ...(rule ? { rule } : {}),
      });
    }
    const upsert = event.upsertWorkflowSearchAttributesEventAttributes?.searchAttributes?.indexedFields;
    await stageEntry(at, upsert?.OneThingStage);
    const scheduled = event.activityTaskScheduledEventAttributes;
    if (scheduled) activities.set(String(event.eventId), scheduled.activityType?.name ?? '');
    const completed = event.activityTaskCompletedEventAttributes;
    if (completed) {
      const type = activities.get(String(completed.scheduledEventId)) ?? '';
      if (!READ_MODEL_ACTIVITIES.has(type)) {
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
      [finalState] = (await decode(done.result?.payloads)) as Array<{ stage?: string } | undefined>;
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

  const settlement = auditProfileOf(workflowType)?.settlementOf(finalState);
  return {
    workflowId: evidence.workflowId,
    source: evidence.source,
    sha256: evidence.sha256,
    workflowType,
    entries,
    ...(settlement
      ? {
          settlement: {
            basis: settlement.basis,
            totalFen: settlement.totalFen,
            totals: settlement.recorded,
            payments: settlement.payments,
          },
        }
      : {}),
  };
}
