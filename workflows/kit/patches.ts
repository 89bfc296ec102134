/**
 * One patch marker per run instead of one per patch. Each `patched()` call that a new run makes costs it a marker
 * and an upsert of TemporalChangeVersion (a billable action): a new household case paid five. A run begun on code
 * that has the baseline has every patch released before it, so it asks `patched()` once, for the baseline.
 */
import { patched } from '@temporalio/workflow';

/**
 * The baseline: every patch listed in a case definition's `patchesBeforeBaseline` (and the kit's own, below).
 * New runs also tell the case registry and the task board once per wait rather than once per change
 * (publishing.ts). Runs recorded before it ask for each patch as they did, and replay that way.
 */
const PATCH_BASELINE = 'onething-baseline-2026-12';

/**
 * The second baseline: the first, and the kit waiting, opening and closing tasks with fewer promises (the SDK captures
 * a stack trace for each): nothing told is not waited for, and the waits are promise chains. That moves, by a tick or
 * two, where a decision's Update completes among the commands that follow it, so runs begun before it keep the
 * async versions (legacy-waits.ts). Asked first, so that a new run pays one marker, not two.
 */
const LEAN_WAITS_BASELINE = 'onething-baseline-2026-12-lean-waits';

/**
 * A rung's deadline counts from the deadline that was missed, so a case typed in late, or a worker that was down,
 * finds each passed rung passed. Runs recorded before this counted each rung from when it was noticed.
 */
export const RUNGS_FROM_MISSED_DEADLINE_PATCH = 'kit-rungs-count-from-the-missed-deadline';
/**
 * A wait whose deadline has already passed (an overdue task, a petition typed in late) looks once and moves on.
 * Runs recorded before this started a zero-length timer there instead — on which the time-skipping test server was
 * seen to stall a workflow task for good — and replay that way.
 */
export const NO_ZERO_LENGTH_TIMERS_PATCH = 'kit-no-zero-length-timers';
/**
 * Runs recorded before this resolved a decision's Update only after its follow-on work (so a reschedule's HTTP
 * call waited for the new booking); they replay that way.
 */
export const RESOLVE_ON_RECORD_PATCH = 'kit-decision-resolves-when-recorded';

const KIT_PATCHES_BEFORE_BASELINE = [
  RUNGS_FROM_MISSED_DEADLINE_PATCH,
  NO_ZERO_LENGTH_TIMERS_PATCH,
  RESOLVE_ON_RECORD_PATCH,
];

/** Whether this run has a patch: asks `patched()` only for patches newer than the baseline, or on older runs. */
export type PatchCheck = (patchId: string) => boolean;

interface PatchLevel {
  /** Whether this run was begun on code with the baseline (and so with every patch before it). */
  baseline: boolean;
  /** Whether this run was begun on code with the lean-waits baseline (and so with the first baseline too). */
  leanWaits: boolean;
  has: PatchCheck;
}

/** Call once, when the case opens, so that the baseline's marker (if any) is the run's first. */
export function patchLevel(patchesBeforeBaseline: readonly string[]): PatchLevel {
  const leanWaits = patched(LEAN_WAITS_BASELINE);
  const baseline = leanWaits || patched(PATCH_BASELINE);
  const older = new Set<string>([...KIT_PATCHES_BEFORE_BASELINE, ...patchesBeforeBaseline]);
  return { baseline, leanWaits, has: (patchId) => (baseline && older.has(patchId)) || patched(patchId) };
}
