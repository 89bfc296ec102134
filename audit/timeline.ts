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
function ruleOf(rules: DecisionRules<string, string>, action: string): string | undefined {
  const rule = rules[action];
  if (!rule) return undefined;
  const who = rule.permissions.map((p) => `${p.role} of ${p.departments.join(' or ')}`).join('; ');
  return `${who}, in the case's district, at stage ${rule.stages.join(' or ')}`;
}

type Payload = temporal.api.common.v1.IPayload;

/** Reads a history's events in order into timeline entries: one method per kind of event an auditor cares about. */
class TimelineReader {
  readonly entries: TimelineEntry[] = [];
  workflowType = '';
  finalState: { stage?: string } | undefined;
  private readonly activities = new Map<string, string>();
  private readonly timers = new Map<string, string>();
  private lastStage: unknown;

  constructor(private readonly decode: Decoder) {}

  async read(event: HistoryEvent): Promise<void> {
    const at = timeOf(event);
    await this.started(at, event.workflowExecutionStartedEventAttributes);
    await this.decided(at, event.workflowExecutionUpdateAcceptedEventAttributes);
    await this.stage(
      at,
      event.upsertWorkflowSearchAttributesEventAttributes?.searchAttributes?.indexedFields?.OneThingStage,
    );
    this.activity(at, event);
    this.deadline(at, event);
    await this.ended(at, event);
  }

  private async started(at: string, started: HistoryEvent['workflowExecutionStartedEventAttributes']) {
    if (!started) return;
    this.workflowType = started.workflowType?.name ?? '';
    const [input] = (await this.decode(started.input?.payloads)) as Array<{ startedBy?: Actor } | undefined>;
    this.entries.push({
      at,
      kind: 'started',
      text: `case started (${this.workflowType})`,
      ...(input?.startedBy ? { actor: input.startedBy } : {}),
    });
    await this.stage(at, started.searchAttributes?.indexedFields?.OneThingStage);
  }

  private async decided(
    at: string,
    accepted: HistoryEvent['workflowExecutionUpdateAcceptedEventAttributes'],
  ) {
    const name = accepted?.acceptedRequest?.input?.name;
    if (!accepted || !name) return;
    const [args] = (await this.decode(accepted.acceptedRequest?.input?.args?.payloads)) as Array<
      ({ actor?: Actor } & Record<string, unknown>) | undefined
    >;
    const { actor, ...decided } = args ?? {};
    const rules = auditProfileOf(this.workflowType)?.rules;
    const rule = rules && ruleOf(rules, name);
    this.entries.push({
      at,
      kind: 'decision',
      text: `${name} ${JSON.stringify(decided)}`,
      ...(actor ? { actor } : {}),
      ...(rule ? { rule } : {}),
    });
  }

  /**
   * A stage is set at start and upserted when it changes (only the changed attributes, on runs since the patch
   * baseline); earlier runs upserted their first stage again, which is not a change.
   */
  private async stage(at: string, stage: Payload | null | undefined) {
    if (!stage) return;
    const [value] = await this.decode([stage]);
    if (value === this.lastStage) return;
    this.lastStage = value;
    this.entries.push({ at, kind: 'stage', text: `stage → ${String(value)}` });
  }

  private activity(at: string, event: HistoryEvent) {
    const scheduled = event.activityTaskScheduledEventAttributes;
    if (scheduled) this.activities.set(String(event.eventId), scheduled.activityType?.name ?? '');
    const completed = event.activityTaskCompletedEventAttributes;
    if (!completed) return;
    const type = this.activities.get(String(completed.scheduledEventId)) ?? '';
    if (!READ_MODEL_ACTIVITIES.has(type))
      this.entries.push({ at, kind: 'activity', text: `${type} completed` });
  }

  private deadline(at: string, event: HistoryEvent) {
    const timerStarted = event.timerStartedEventAttributes;
    if (timerStarted?.timerId) {
      const seconds = Number(timerStarted.startToFireTimeout?.seconds ?? 0);
      this.timers.set(timerStarted.timerId, `${(seconds / 86400).toFixed(1)} days`);
    }
    const fired = event.timerFiredEventAttributes?.timerId;
    if (fired && this.timers.has(fired)) {
      this.entries.push({
        at,
        kind: 'deadline',
        text: `deadline of ${this.timers.get(fired)} passed (missed)`,
      });
    }
    const cancelled = event.timerCanceledEventAttributes?.timerId;
    if (cancelled && this.timers.has(cancelled)) {
      this.entries.push({ at, kind: 'deadline', text: `deadline of ${this.timers.get(cancelled)} met` });
    }
  }

  private async ended(at: string, event: HistoryEvent) {
    const done = event.workflowExecutionCompletedEventAttributes;
    if (done) {
      [this.finalState] = (await this.decode(done.result?.payloads)) as Array<{ stage?: string } | undefined>;
      this.entries.push({ at, kind: 'ended', text: `case ended at stage ${this.finalState?.stage ?? '?'}` });
    }
    if (event.workflowExecutionContinuedAsNewEventAttributes) {
      this.entries.push({ at, kind: 'ended', text: 'continued as new (the case goes on in a new run)' });
    }
  }
}

export async function buildTimeline(
  evidence: Evidence,
  decode: Decoder,
  refusals: readonly StoredAuditEntry[] = [],
): Promise<Timeline> {
  const reader = new TimelineReader(decode);
  for (const event of evidence.history.events ?? []) await reader.read(event);
  const { entries, workflowType, finalState } = reader;
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
