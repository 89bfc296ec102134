import { continueAsNew, proxyActivities } from '@temporalio/workflow';
import type { PolicyPayoutActivities } from '../activities/payouts';
import { departmentCalls } from '../../../workflows/kit/activity-options';
import { beijingDay } from '../../../workflows/kit/clock';
import { initialBulkProgress, type BulkProgress } from '../../../workflows/kit/bulk-progress';
import { runBulkStarts } from '../../../workflows/kit/bulk-starts';
import {
  policyRoundProgressQuery,
  policyRoundUpdates,
  policyRoundWorkflowId,
  type PolicyRoundInput,
} from './contract';
import { roundDetails } from './details';
import { ROUND_RULES } from './rules';

const { readRoundPage } = departmentCalls<PolicyPayoutActivities>()('读取市场监管部门企业名录');
// Judging and starting a page can take a while; it heartbeats and resumes where it stopped.
const { startEligibleCases } = proxyActivities<PolicyPayoutActivities>({
  summary: '部门数据比对并为符合条件的企业立案',
  startToCloseTimeout: '10 minutes',
  heartbeatTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/** Pages per run before continuing as new: keeps each run's history small whatever the register's size. */
const PAGES_PER_RUN = 20;

/**
 * A 免申即享 round (亲清在线): pages through the district's business register, judges every enterprise against the
 * policy on the facts the departments hold, and starts one case per enterprise owed money (the kit's bulk starts).
 */
export async function policyPayoutRound(input: PolicyRoundInput): Promise<BulkProgress> {
  const progress = input.progress ?? initialBulkProgress();
  const roundId = policyRoundWorkflowId(input.district, input.policy.policyId, input.year);
  const outcome = await runBulkStarts(
    {
      area: input.district,
      perMinute: input.perMinute,
      pagesPerRun: PAGES_PER_RUN,
      readPage: (after) => readRoundPage({ district: input.district, after, limit: input.pageSize }),
      startPage: (creditCodes) =>
        startEligibleCases({
          roundId,
          policy: input.policy,
          year: input.year,
          district: input.district,
          startedBy: input.startedBy,
          creditCodes: [...creditCodes],
          day: beijingDay(new Date(Date.now())),
        }),
      cursorOf: (creditCode) => creditCode,
      rules: ROUND_RULES,
      progressQuery: policyRoundProgressQuery,
      updates: policyRoundUpdates,
      details: (p) => roundDetails(input, p),
      waitSummary: '按比对速率等待下一页',
    },
    progress,
  );
  if (outcome === 'finished') return progress;
  return continueAsNew<typeof policyPayoutRound>({ ...input, progress });
}
