/**
 * The weekly index (心通桥指数): a Beijing week's petitions — how many were received, how many of those the
 * departments had replied to and completed by the week's end, and each category's share of the received.
 * Counting by the week's end makes a week's figures final: recomputing it later (a backfill, a window post typed
 * in late with its true receipt time) counts the same things again and adds only what was missing.
 */
import { PETITION_CATEGORIES, type PetitionCategory } from './contract';

export type { StoredWeeklyIndex } from '../../../activities/adapters/petition-index/port';
import type { CategoryShare } from '../../../activities/adapters/petition-index/port';

export interface WeeklyIndexInput {
  /** `YYYY-Www`; by default the week before the one the run was scheduled in. */
  week?: string;
}

/**
 * Whole percents that sum to exactly 100 (Hamilton's largest-remainder method): each category gets the whole part
 * of its exact share, and the points still missing go one each to the largest remainders; equal remainders go to
 * the larger count, then in the categories' published order.
 */
export function categoryShares(byCategory: Record<PetitionCategory, number>): CategoryShare[] {
  const total = PETITION_CATEGORIES.reduce((sum, category) => sum + byCategory[category], 0);
  const shares = PETITION_CATEGORIES.map((category, order) => {
    const exact = total === 0 ? 0 : (byCategory[category] * 100) / total;
    return { category, count: byCategory[category], percent: Math.floor(exact), remainder: exact % 1, order };
  });
  const missing = total === 0 ? 0 : 100 - shares.reduce((sum, share) => sum + share.percent, 0);
  [...shares]
    .sort((a, b) => b.remainder - a.remainder || b.count - a.count || a.order - b.order)
    .slice(0, missing)
    .forEach((share) => (share.percent += 1));
  return shares.map(({ category, count, percent }) => ({ category, count, percent }));
}
