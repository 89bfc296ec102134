/**
 * WRP: WR handing Temporal what a household hands it — activities carrying as many bytes (inputs, results,
 * summaries), the household's search attributes at its start and at each upsert, and a start summary as long.
 * Beside WR it tells what those cost Temporal; beside H, what the rest of our code costs.
 */
import type { CaseShape } from '../baselines/shape';
import { closedLoop } from '../closed-loop';
import { meanCaseCost, searchAttributesOf, type CaseCost } from '../history-figures';
import type { ProcessSelector } from '../proc-cpu';
import type { BenchStack } from '../stack';
import { retrofitShapedDriver } from './baselines';

/**
 * WR's shape brought to the households' mean bytes (`household`, read from their histories) and to one sampled
 * household's search attributes (`sampleWorkflowId`): what the padded calls carry by themselves is read from a
 * few cases padded with nothing, run here.
 */
export async function payloadMatchedShape(
  stack: BenchStack,
  shape: CaseShape,
  household: { cost: CaseCost; sampleWorkflowId: string },
  loop: { concurrency: number; processes: Record<string, ProcessSelector> },
): Promise<CaseShape> {
  const attributes = await searchAttributesOf(stack.client, household.sampleWorkflowId);
  const unpadded: CaseShape = {
    ...shape,
    activityPadding: { input: 0, result: 0, summary: 0 },
    attributes: { ...attributes, startSummaryPadding: 0 },
  };
  const calibration = retrofitShapedDriver(stack.client, stack.waitNotices, unpadded);
  try {
    const run = await closedLoop('calibrate WRP', { total: loop.concurrency, ...loop }, calibration.runner);
    const own = await meanCaseCost(stack.client, run.caseIds.slice(0, 3));
    const missing = (householdBytes: number, ownBytes: number) =>
      Math.max(0, Math.round(householdBytes - ownBytes));
    const activityBytes = (key: 'input' | 'result' | 'summary') =>
      missing(household.cost.activityBytes[key], own.activityBytes[key]);
    return {
      ...shape,
      activityPadding: {
        input: activityBytes('input'),
        result: activityBytes('result'),
        summary: activityBytes('summary'),
      },
      attributes: {
        ...attributes,
        startSummaryPadding: missing(household.cost.startSummaryBytes, own.startSummaryBytes),
      },
    };
  } finally {
    await calibration.stop();
  }
}
