/** Where a bulk-start run stands (bulk-starts.ts), for its contract, its API and the Web UI. */

/** The stages a bulk run shows in OneThingStage. */
export const BULK_STAGES = ['running', 'paused', 'finished'] as const;
export type BulkStage = (typeof BULK_STAGES)[number];
export type BulkDecision = 'pause' | 'resume';

export interface BulkProgress {
  /** The last entry handled; the next page starts after it. */
  cursor: string | null;
  started: number;
  alreadyStarted: number;
  pages: number;
  paused: boolean;
  finished: boolean;
  lastDecision?: { action: BulkDecision; by: string; at: string };
}

export const initialBulkProgress = (): BulkProgress => ({
  cursor: null,
  started: 0,
  alreadyStarted: 0,
  pages: 0,
  paused: false,
  finished: false,
});

export const bulkStage = (progress: BulkProgress): BulkStage =>
  progress.finished ? 'finished' : progress.paused ? 'paused' : 'running';
