/**
 * Citizens' petitions on their main path, to `completed`: posted through the API by the petition office's clerk,
 * accepted and replied to by the department the office's routing table names, rated satisfied by the office.
 * (A completed petition then waits out its review window, which no benchmark should; it is left running.)
 */
import { PETITION_TERMINAL_STAGES } from '../../processes/petitions/workflow/contract';
import type { District } from '../../workflows/kit/vocabulary';
import type { BenchStack } from '../stack';
import type { WorkloadDriver } from './case-poller';
import { stepwiseDriver } from './stepwise-driver';

const DISTRICT: District = 'erqi';
const CATEGORY = 'heating' as const;
const DEPARTMENT = 'heating' as const;

export async function petitionDriver(stack: BenchStack, runTag: string): Promise<WorkloadDriver> {
  await stack.adapters.petitionOffice.setRoute({
    category: CATEGORY,
    district: DISTRICT,
    department: DEPARTMENT,
    updatedBy: 'bench',
  });
  const bearer = async (sub: string, dept: 'petition-office' | typeof DEPARTMENT) =>
    `Bearer ${await stack.token({ sub, name: sub, dept, district: DISTRICT, roles: ['clerk'] })}`;
  return stepwiseDriver(stack, {
    casesPath: '/v1/petitions',
    tokens: {
      office: await bearer('bench-office', 'petition-office'),
      holder: await bearer('bench-heating', DEPARTMENT),
    },
    steps: {
      'awaiting-acceptance': { action: 'accept', by: 'holder', body: {} },
      handling: { action: 'reply', by: 'holder', body: { summaryRef: 'BENCH-REPLY' } },
      replied: { action: 'rate', by: 'office', body: { satisfied: true } },
    },
    doneStage: 'completed',
    failedStages: PETITION_TERMINAL_STAGES,
    start: (index) => ({
      by: 'office',
      body: {
        petitionRef: `BENCH-${runTag}-${index}`,
        channel: 'app',
        category: CATEGORY,
        kind: 'complaint',
        district: DISTRICT,
        location: '二七区测试路附近',
        text: '小区供暖温度长期不达标，请尽快处理。',
        contact: { name: '测试用户', phone: '13900000000' },
        receivedAt: new Date().toISOString(),
      },
    }),
  });
}
