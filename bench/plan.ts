/** How big each benchmark run is: smoke (inside `npm test`), quick (under ten minutes), full. */
import type { Persistence } from './stack';

export interface BenchPlan {
  mode: 'smoke' | 'quick' | 'full';
  persistence: Persistence[];
  /** A-B-B-A blocks: each gives every workload two repetitions. */
  blocks: number;
  concurrency: number;
  /** Households run before measuring: they warm the processes up and give WR its shape. */
  warmupHouseholds: number;
  /**
   * Cases per repetition; P (petitions to `completed`) and C (childcare applications to `registered`) run after
   * the A-B-B-A blocks, as many repetitions as a workload gets in them.
   */
  cases: { W0: number; W1: number; WR: number; WRP: number; H: number; P: number; C: number };
  /** Cases per workload whose histories are read for events and actions. */
  historySample: number;
  /** Households parked at once, in turn, to read the worker's memory per cached case. */
  parked: number[];
  /** A-B-B-A blocks of the replay measurement (0: each arm once). */
  replayBlocks: number;
  /**
   * Starts per arm of the API-overhead measurement, at a fixed rate the machine can follow: each start sets off its
   * case's first steps (eligibility, progress, booking), and at 20/s on two cores both arms queued behind them
   * (p50 150–200 ms on 2026-12-02), which measured the queue rather than the API.
   */
  starts: { ratePerSecond: number; requests: number };
  /**
   * District campaigns of these sizes, paced at 80% of the households' closed-loop rate, in these persistence
   * modes only (each size is a campaign of its own).
   */
  campaign: { sizes: number[]; persistence: Persistence[] };
}

export const PLANS: Record<BenchPlan['mode'], BenchPlan> = {
  smoke: {
    mode: 'smoke',
    persistence: ['memory'],
    blocks: 1,
    concurrency: 2,
    warmupHouseholds: 2,
    cases: { W0: 4, W1: 4, WR: 2, WRP: 2, H: 2, P: 2, C: 2 },
    historySample: 1,
    replayBlocks: 0,
    parked: [0, 2, 4],
    starts: { ratePerSecond: 4, requests: 4 },
    campaign: { sizes: [3, 6], persistence: ['memory'] },
  },
  quick: {
    mode: 'quick',
    persistence: ['memory', 'file-wal'],
    blocks: 2,
    concurrency: 8,
    warmupHouseholds: 8,
    cases: { W0: 200, W1: 200, WR: 24, WRP: 24, H: 24, P: 24, C: 24 },
    historySample: 3,
    replayBlocks: 1,
    parked: [0, 100, 200, 400],
    starts: { ratePerSecond: 10, requests: 40 },
    campaign: { sizes: [100, 300], persistence: ['memory'] },
  },
  full: {
    mode: 'full',
    persistence: ['memory', 'file-wal'],
    blocks: 3,
    concurrency: 16,
    warmupHouseholds: 16,
    cases: { W0: 1000, W1: 1000, WR: 100, WRP: 100, H: 100, P: 100, C: 100 },
    historySample: 5,
    replayBlocks: 2,
    parked: [0, 250, 500, 1000],
    starts: { ratePerSecond: 10, requests: 200 },
    campaign: { sizes: [1000, 10_000], persistence: ['memory', 'file-wal'] },
  },
};
