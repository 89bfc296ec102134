/**
 * WRP: WR whose activities carry as many bytes as a household's (inputs, results, summaries). Beside WR it splits
 * the household's extra cost into what its payloads cost Temporal and what the rest of our code costs.
 */
import type { ActivityPadding, CaseShape } from '../baselines/shape';
import { closedLoop } from '../closed-loop';
import { meanCaseCost, type ActivityBytes } from '../history-figures';
import type { ProcessSelector } from '../proc-cpu';
import type { BenchStack } from '../stack';
import { retrofitShapedDriver } from './baselines';

/**
 * The padding that brings WR's activities to the households' mean bytes (`household`, read from their histories):
 * what the padded call carries by itself is read from a few WR cases padded with nothing, run here.
 */
export async function householdPayloadPadding(
  stack: BenchStack,
  shape: CaseShape,
  household: ActivityBytes,
  loop: { concurrency: number; processes: Record<string, ProcessSelector> },
): Promise<ActivityPadding> {
  const calibration = retrofitShapedDriver(stack.client, stack.waitNotices, {
    ...shape,
    activityPadding: { input: 0, result: 0, summary: 0 },
  });
  try {
    const run = await closedLoop('calibrate WRP', { total: loop.concurrency, ...loop }, calibration.runner);
    const own = (await meanCaseCost(stack.client, run.caseIds.slice(0, 3))).activityBytes;
    const missing = (key: keyof ActivityPadding) => Math.max(0, Math.round(household[key] - own[key]));
    return { input: missing('input'), result: missing('result'), summary: missing('summary') };
  } finally {
    await calibration.stop();
  }
}
