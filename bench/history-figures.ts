/**
 * What one case cost Temporal, read from its history: events by kind, and the billable actions they stand for.
 * Temporal Cloud bills a workflow start, each activity attempt, each timer, signal, Update, search-attribute
 * upsert, child start and side-effect/local-activity marker (queries too, but they leave no event; they are
 * counted by the driver). Patch markers are listed apart: whether a version marker is billed is not ours to say.
 */
import type { Client, WorkflowHandle } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { READ_MODEL_ACTIVITIES } from '../activities/case-progress';
import { decodeTypedSearchAttributes } from '@temporalio/common/lib/converter/payload-search-attributes';
import type { CarriedAttribute, CaseShape } from './baselines/shape';

type HistoryEvent = NonNullable<Awaited<ReturnType<WorkflowHandle['fetchHistory']>>['events']>[number];
const E = temporal.api.enums.v1.EventType;
const EventType = {
  started: E.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED,
  workflowTaskStarted: E.EVENT_TYPE_WORKFLOW_TASK_STARTED,
  activityScheduled: E.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED,
  activityStarted: E.EVENT_TYPE_ACTIVITY_TASK_STARTED,
  timerStarted: E.EVENT_TYPE_TIMER_STARTED,
  markerRecorded: E.EVENT_TYPE_MARKER_RECORDED,
  signaled: E.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED,
  continuedAsNew: E.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW,
  childStarted: E.EVENT_TYPE_START_CHILD_WORKFLOW_EXECUTION_INITIATED,
  signalExternal: E.EVENT_TYPE_SIGNAL_EXTERNAL_WORKFLOW_EXECUTION_INITIATED,
  upsertSearchAttributes: E.EVENT_TYPE_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES,
  updateAccepted: E.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED,
} as const;

export interface CaseCost {
  events: number;
  /** Workflow tasks the worker ran (started), retries included: each is a round trip through the server. */
  workflowTasks: number;
  /** The history's size as the server sends it (protobuf bytes): what it stores and ships for the case. */
  historyBytes: number;
  /** Mean bytes per activity (encoded, as stored) of its input, its result and its user-metadata summary. */
  activityBytes: ActivityBytes;
  /** Bytes (encoded, as stored) of the start's static summary, the Web UI's line for the case. */
  startSummaryBytes: number;
  activities: number;
  /** Activities that only tell the case registry and task board (the platform's read models). */
  readModelActivities: number;
  activityAttempts: number;
  timers: number;
  updates: number;
  signals: number;
  searchAttributeUpserts: number;
  markers: number;
  /** Billable actions, patch markers not included. */
  billableActions: number;
  billable: Record<string, number>;
  /** The same actions by name: `activity <type>` (attempts), `Update <name>`, `upsert <attributes>`, … */
  actionsByName: Record<string, number>;
}

export interface ActivityBytes {
  input: number;
  result: number;
  summary: number;
}

const payloadBytes = (payloads: temporal.api.common.v1.IPayload[] | null | undefined) =>
  (payloads ?? []).reduce(
    (sum, payload) => sum + temporal.api.common.v1.Payload.encode(payload).finish().length,
    0,
  );

function activityBytesOf(events: HistoryEvent[]): ActivityBytes {
  const totals = { input: 0, result: 0, summary: 0, activities: 0 };
  for (const event of events) {
    const scheduled = event.activityTaskScheduledEventAttributes;
    if (scheduled) {
      totals.activities += 1;
      totals.input += payloadBytes(scheduled.input?.payloads);
      totals.summary += payloadBytes(event.userMetadata?.summary ? [event.userMetadata.summary] : []);
    }
    totals.result += payloadBytes(event.activityTaskCompletedEventAttributes?.result?.payloads);
  }
  const per = (total: number) => (totals.activities > 0 ? total / totals.activities : 0);
  return { input: per(totals.input), result: per(totals.result), summary: per(totals.summary) };
}

/** Each billable action of a history, named so a reader can say what it is for. */
function actionsByName(events: HistoryEvent[]): Record<string, number> {
  const names = new Map<string, number>();
  const add = (name: string, n = 1) => names.set(name, (names.get(name) ?? 0) + n);
  const activityTypes = new Map<number, string>();
  for (const event of events) {
    const is = (type: temporal.api.enums.v1.EventType) => Number(event.eventType) === Number(type);
    if (is(EventType.started) || is(EventType.continuedAsNew)) add('workflow start');
    else if (is(EventType.activityScheduled))
      activityTypes.set(
        Number(event.eventId),
        event.activityTaskScheduledEventAttributes?.activityType?.name ?? '?',
      );
    else if (is(EventType.activityStarted)) {
      const started = event.activityTaskStartedEventAttributes;
      add(
        `activity ${activityTypes.get(Number(started?.scheduledEventId)) ?? '?'}`,
        Math.max(1, started?.attempt ?? 1),
      );
    } else if (is(EventType.timerStarted)) add('timer');
    else if (is(EventType.signaled))
      add(`signal ${event.workflowExecutionSignaledEventAttributes?.signalName ?? '?'}`);
    else if (is(EventType.updateAccepted))
      add(
        `Update ${event.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.name ?? '?'}`,
      );
    else if (is(EventType.upsertSearchAttributes)) {
      const fields =
        event.upsertWorkflowSearchAttributesEventAttributes?.searchAttributes?.indexedFields ?? {};
      add(`upsert ${Object.keys(fields).sort().join(' + ')}`);
    } else if (is(EventType.childStarted) || is(EventType.signalExternal)) add('child or external signal');
  }
  return Object.fromEntries(names);
}

export function costOf(history: temporal.api.history.v1.IHistory): CaseCost {
  const events = history.events ?? [];
  const historyBytes = temporal.api.history.v1.History.encode(history).finish().length;
  const ofType = (type: temporal.api.enums.v1.EventType) =>
    events.filter((event) => Number(event.eventType) === Number(type));
  const count = (type: temporal.api.enums.v1.EventType) => ofType(type).length;
  const attempts = ofType(EventType.activityStarted).reduce(
    (sum, event) => sum + Math.max(1, event.activityTaskStartedEventAttributes?.attempt ?? 1),
    0,
  );
  const billable = {
    'workflow start': count(EventType.started) + count(EventType.continuedAsNew),
    'activity attempts': attempts,
    timers: count(EventType.timerStarted),
    signals: count(EventType.signaled),
    updates: count(EventType.updateAccepted),
    'search-attribute upserts': count(EventType.upsertSearchAttributes),
    'child workflows and external signals': count(EventType.childStarted) + count(EventType.signalExternal),
  };
  return {
    events: events.length,
    workflowTasks: count(EventType.workflowTaskStarted),
    historyBytes,
    activityBytes: activityBytesOf(events),
    startSummaryBytes: payloadBytes(events[0]?.userMetadata?.summary ? [events[0].userMetadata.summary] : []),
    activities: count(EventType.activityScheduled),
    readModelActivities: ofType(EventType.activityScheduled).filter((event) =>
      READ_MODEL_ACTIVITIES.has(event.activityTaskScheduledEventAttributes?.activityType?.name ?? ''),
    ).length,
    activityAttempts: attempts,
    timers: count(EventType.timerStarted),
    updates: count(EventType.updateAccepted),
    signals: count(EventType.signaled),
    searchAttributeUpserts: count(EventType.upsertSearchAttributes),
    markers: count(EventType.markerRecorded),
    billableActions: Object.values(billable).reduce((sum, n) => sum + n, 0),
    billable,
    actionsByName: actionsByName(events),
  };
}

async function caseCost(client: Client, workflowId: string): Promise<CaseCost> {
  const history = await client.workflow.getHandle(workflowId).fetchHistory();
  return costOf(history);
}

/** The mean cost over sampled cases (every figure averaged). */
export async function meanCaseCost(client: Client, workflowIds: readonly string[]): Promise<CaseCost> {
  const costs = await Promise.all(workflowIds.map((id) => caseCost(client, id)));
  const mean = (pick: (cost: CaseCost) => number) =>
    costs.reduce((sum, c) => sum + pick(c), 0) / costs.length;
  const keys = Object.keys(costs[0]!.billable);
  return {
    events: mean((c) => c.events),
    workflowTasks: mean((c) => c.workflowTasks),
    historyBytes: mean((c) => c.historyBytes),
    activityBytes: {
      input: mean((c) => c.activityBytes.input),
      result: mean((c) => c.activityBytes.result),
      summary: mean((c) => c.activityBytes.summary),
    },
    startSummaryBytes: mean((c) => c.startSummaryBytes),
    activities: mean((c) => c.activities),
    readModelActivities: mean((c) => c.readModelActivities),
    activityAttempts: mean((c) => c.activityAttempts),
    timers: mean((c) => c.timers),
    updates: mean((c) => c.updates),
    signals: mean((c) => c.signals),
    searchAttributeUpserts: mean((c) => c.searchAttributeUpserts),
    markers: mean((c) => c.markers),
    billableActions: mean((c) => c.billableActions),
    billable: Object.fromEntries(keys.map((key) => [key, mean((c) => c.billable[key]!)])),
    actionsByName: Object.fromEntries(
      [...new Set(costs.flatMap((c) => Object.keys(c.actionsByName)))].map((name) => [
        name,
        mean((c) => c.actionsByName[name] ?? 0),
      ]),
    ),
  };
}

/** The shape WR copies: what the household asked of Temporal, rounded to whole calls. */
export function shapeOf(cost: CaseCost): CaseShape {
  return {
    activities: Math.round(cost.activities),
    updates: Math.round(cost.updates),
    timers: Math.round(cost.timers),
    searchAttributeUpserts: Math.round(cost.searchAttributeUpserts),
  };
}

/** The SDK's own record of a run's patches: set by `patched`, not by the case. */
const SDK_PATCH_ATTRIBUTE = 'TemporalChangeVersion';

type IndexedFields = Record<string, temporal.api.common.v1.IPayload> | null | undefined;

function carried(fields: IndexedFields): CarriedAttribute[] {
  return decodeTypedSearchAttributes(fields as Record<string, temporal.api.common.v1.Payload>)
    .getAll()
    .filter((pair) => pair.key.name !== SDK_PATCH_ATTRIBUTE)
    .map(({ key, value }) => ({
      name: key.name,
      type: key.type,
      value: value instanceof Date ? value.toISOString() : value,
    }));
}

/** The search attributes a case set at its start and at each upsert, in order, read from its history. */
export async function searchAttributesOf(
  client: Client,
  workflowId: string,
): Promise<{ atStart: CarriedAttribute[]; upserts: CarriedAttribute[][] }> {
  const events = (await client.workflow.getHandle(workflowId).fetchHistory()).events ?? [];
  return {
    atStart: carried(events[0]?.workflowExecutionStartedEventAttributes?.searchAttributes?.indexedFields),
    upserts: events
      .filter((event) => Number(event.eventType) === Number(EventType.upsertSearchAttributes))
      .map((event) =>
        carried(event.upsertWorkflowSearchAttributesEventAttributes?.searchAttributes?.indexedFields),
      ),
  };
}
