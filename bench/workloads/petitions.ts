/**
 * Citizens' petitions on their main path, to `completed`: posted through the API by the petition office's clerk,
 * accepted and replied to by the department the office's routing table names, rated satisfied by the office.
 * Each person acts when the case registry shows the case waiting for them; one poller serves every case in flight.
 * (A completed petition then waits out its review window, which no benchmark should; it is left running.)
 */
import type { District } from '../../workflows/kit/vocabulary';
import type { CaseRunner } from '../closed-loop';
import { startCasePoller } from './case-poller';
import type { BenchStack } from '../stack';
import { postAs } from './households';

const DISTRICT: District = 'erqi';
const CATEGORY = 'heating' as const;
const DEPARTMENT = 'heating' as const;

/** What the petition's people do at each stage, in order; `completed` ends the case for the benchmark. */
const STEPS = {
  'awaiting-acceptance': { action: 'accept', by: 'holder', body: {} },
  handling: { action: 'reply', by: 'holder', body: { summaryRef: 'BENCH-REPLY' } },
  replied: { action: 'rate', by: 'office', body: { satisfied: true } },
} as const;

interface InFlight {
  /** The stages whose decision has been answered 200; a 409 (the case moved on meanwhile) is asked again. */
  acted: Set<string>;
  done: () => void;
  fail: (error: Error) => void;
}

export interface PetitionDriver {
  runner: CaseRunner;
  stop(): Promise<void>;
}

export async function petitionDriver(stack: BenchStack, runTag: string): Promise<PetitionDriver> {
  await stack.adapters.petitionOffice.setRoute({
    category: CATEGORY,
    district: DISTRICT,
    department: DEPARTMENT,
    updatedBy: 'bench',
  });
  const bearer = async (sub: string, dept: 'petition-office' | typeof DEPARTMENT) =>
    `Bearer ${await stack.token({ sub, name: sub, dept, district: DISTRICT, roles: ['clerk'] })}`;
  const tokens = {
    office: await bearer('bench-office', 'petition-office'),
    holder: await bearer('bench-heating', DEPARTMENT),
  };
  const inFlight = new Map<string, InFlight>();

  const tick = async () => {
    const ids = [...inFlight.keys()];
    if (ids.length === 0) return;
    const rows: Array<{ case_id: string; stage: string }> = await stack
      .db('onething.cases')
      .whereIn('case_id', ids)
      .select('case_id', 'stage');
    await Promise.all(
      rows.map(async ({ case_id: caseId, stage }) => {
        const waiting = inFlight.get(caseId)!;
        if (stage === 'completed') {
          inFlight.delete(caseId);
          return waiting.done();
        }
        const step = STEPS[stage as keyof typeof STEPS];
        if (!step || waiting.acted.has(stage)) return;
        const path = `/v1/petitions/${encodeURIComponent(caseId)}/actions/${step.action}`;
        if ((await postAs(stack, path, tokens[step.by], step.body)).ok) waiting.acted.add(stage);
      }),
    );
  };

  const poller = startCasePoller(inFlight, tick);

  const runner: CaseRunner = async (index) => {
    poller.throwIfFailed();
    const { answer } = await postAs(stack, '/v1/petitions', tokens.office, {
      petitionRef: `BENCH-${runTag}-${index}`,
      channel: 'app',
      category: CATEGORY,
      kind: 'complaint',
      district: DISTRICT,
      location: '二七区测试路附近',
      text: '小区供暖温度长期不达标，请尽快处理。',
      contact: { name: '测试用户', phone: '13900000000' },
      receivedAt: new Date().toISOString(),
    });
    const caseId = answer.caseId as string;
    await new Promise<void>((done, fail) => inFlight.set(caseId, { acted: new Set(), done, fail }));
    return caseId;
  };
  return {
    runner,
    stop: poller.stop,
  };
}
