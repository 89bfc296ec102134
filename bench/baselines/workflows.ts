/**
 * The baselines the platform is measured against, run by the same kind of worker on the same server:
 * W0 does nothing, W1 runs one no-op activity, WR does what a main-path household case asks of Temporal
 * (its activities, Updates, timers and search-attribute upserts, counted from a real case in the same run)
 * with none of our code in between.
 */
import {
  CancellationScope,
  condition,
  defineUpdate,
  proxyActivities,
  proxySinks,
  setHandler,
  sleep,
  upsertSearchAttributes,
} from '@temporalio/workflow';
import { SEARCH_ATTRIBUTES } from '../../workflows/definitions';
import type { BaselineActivities } from './activities';
import {
  BASELINE_DECISION_UPDATE,
  updatePairOf,
  type ActivityPadding,
  type CarriedAttributes,
  type CaseShape,
} from './shape';
import type { WaitNoticeSinks } from './wait-notices';

const { noop } = proxyActivities<BaselineActivities>({ startToCloseTimeout: '30 seconds' });

const { waits } = proxySinks<WaitNoticeSinks>();

export const decideUpdate = defineUpdate<number>(BASELINE_DECISION_UPDATE);

export async function benchNoop(): Promise<void> {}

export async function benchOneActivity(): Promise<void> {
  await noop();
}

/** WR's activity: the no-op, or with padding the no-op carrying (and answering with) the bytes asked for. */
function paddedActivity(padding: ActivityPadding | undefined): () => Promise<unknown> {
  if (!padding) return noop;
  const padded = proxyActivities<BaselineActivities>({
    startToCloseTimeout: '30 seconds',
    summary: 's'.repeat(1 + padding.summary),
  });
  const input = { pad: 'p'.repeat(padding.input), resultBytes: padding.result };
  return () => padded.noop(input);
}

/** WR's upserts set one keyword each; WRP's set what the household's did, in its order. */
function upserter(carried: CarriedAttributes | undefined): (label: string) => void {
  let made = 0;
  return (label) => {
    const household = carried?.upserts[made++] ?? [];
    upsertSearchAttributes(
      household.length > 0 ? household.map(updatePairOf) : [{ key: SEARCH_ATTRIBUTES.stage, value: label }],
    );
  };
}

/** Share `total` over `parts` as evenly as whole numbers allow (earlier parts take the remainder). */
function evenly(total: number, parts: number): number[] {
  return Array.from({ length: parts }, (_, i) => Math.floor(total / parts) + (i < total % parts ? 1 : 0));
}

export async function benchRetrofitShaped(shape: CaseShape): Promise<void> {
  let decisions = 0;
  setHandler(decideUpdate, () => ++decisions);
  // The household's activities and upserts fall between its decisions; spread them the same way.
  const segments = shape.updates + 1;
  const activities = evenly(shape.activities, segments);
  const upserts = evenly(shape.searchAttributeUpserts, segments);
  let timersLeft = shape.timers;
  const activity = paddedActivity(shape.activityPadding);
  const upsert = upserter(shape.attributes);
  for (let segment = 0; segment < segments; segment++) {
    for (let i = 0; i < upserts[segment]!; i++) upsert(`segment-${segment}-${i}`);
    const awaitsDecision = segment < segments - 1;
    // The decision's deadline starts with the segment's work (a task opening) and its arrival cancels it, as the
    // decision inbox does.
    const deadline = new CancellationScope();
    const timer = awaitsDecision && timersLeft-- > 0 ? deadline.run(() => sleep('1 day')) : undefined;
    for (let i = 0; i < activities[segment]!; i++) await activity();
    if (!awaitsDecision) break;
    // As a household's clerk sees its task only once the case waits, WR's driver decides only once told it waits.
    waits.awaitingDecision(segment);
    await condition(() => decisions > segment);
    if (timer) {
      deadline.cancel();
      await timer.catch(() => undefined);
    }
  }
}
