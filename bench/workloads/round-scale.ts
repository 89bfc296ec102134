/**
 * 免申即享 round scale: a district register of N enterprises, one in a hundred holding a high-tech certificate, and
 * a policy that pays those; the issuer starts the round through the API and the round judges every enterprise
 * (the departments asked once per page) and starts a case for each one owed. CPU is read per process over the
 * whole round, so that the cost per enterprise judged can be compared across register sizes.
 */
import { cpuBetween, cpuSeconds } from '../proc-cpu';
import type { BenchStack } from '../stack';
import { exampleCreditCode } from '../../processes/policy-payout/demo-enterprises';
import { DISTRICT_CODES, type District } from '../../workflows/kit/vocabulary';
import { postAs } from './households';

/** One enterprise in this many is owed: the policy's population, as 免申即享 policies target a few. */
export const OWED_ONE_IN = 100;
const PAGE_SIZE = 500;
const POLL_MS = 500;
const INSERT_CHUNK = 5_000;

/** Districts of their own for the rounds (none the other workloads seed), one per size. */
const ROUND_DISTRICTS: readonly District[] = DISTRICT_CODES.filter((d) => !['jinshui', 'erqi'].includes(d));

export interface RoundScaleRun {
  enterprises: number;
  district: District;
  casesStarted: number;
  wallSeconds: number;
  enterprisesPerSecond: number;
  /** CPU-seconds per enterprise judged, by process, over the whole round. */
  cpuSecondsPerEnterprise: Record<string, number>;
  totalCpuSecondsPerEnterprise: number;
}

/** The district's register, written in bulk as market regulation's and science and technology's systems hold it. */
async function seedRegister(stack: BenchStack, district: District, serialBase: number, enterprises: number) {
  const year = new Date().getFullYear();
  for (let from = 0; from < enterprises; from += INSERT_CHUNK) {
    const serials = Array.from(
      { length: Math.min(INSERT_CHUNK, enterprises - from) },
      (_, i) => serialBase + from + i,
    );
    await stack.db('market_regulation.registrations').insert(
      serials.map((serial) => ({
        credit_code: exampleCreditCode(serial),
        status: 'active',
        name: `郑州基准企业${serial}`,
        industry: 'C39',
        district,
        registered_on: '2015-05-01',
      })),
    );
    const owed = serials.filter((serial) => serial % OWED_ONE_IN === 0);
    if (owed.length > 0) {
      await stack.db('science_technology.high_tech_certificates').insert(
        owed.map((serial) => ({
          certificate_no: `GR-BENCH-${serial}`,
          credit_code: exampleCreditCode(serial),
          valid_from: `${year - 1}-01-01`,
          valid_until: `${year + 2}-12-31`,
        })),
      );
    }
  }
}

const roundPolicy = (district: District) => {
  const year = String(new Date().getFullYear());
  return {
    title: '基准：高新技术企业奖励（免申即享）',
    legalBasis: '基准测试用政策',
    issuer: { department: 'science-technology', area: 'city' },
    kind: 'reward',
    mode: 'automatic',
    scope: [district],
    eligibility: [
      { name: '依法登记且存续', logic: { '==': [{ var: 'market.status' }, 'active'] } },
      { name: '高新技术企业', logic: { '==': [{ var: 'science.highTech' }, true] } },
    ],
    amount: { kind: 'fixed', fen: 1_000_000 },
    window: { opens: `${year}-01-01`, closes: `${year}-12-31` },
    review: 'automatic',
    noticeWorkingDays: 5,
    confirmWorkingDays: 10,
    materials: [],
    whenBudgetRunsOut: 'first-come',
    budgets: { [year]: 100_000_000_000 },
  };
};

async function runRound(
  stack: BenchStack,
  options: { district: District; tag: string; enterprises: number; serialBase: number },
): Promise<RoundScaleRun> {
  const { district, enterprises } = options;
  await seedRegister(stack, district, options.serialBase, enterprises);
  const issuer = `Bearer ${await stack.token({ sub: 'bench-st', name: 'bench-st', dept: 'science-technology', district: 'city', roles: ['supervisor'] })}`;
  const policyId = `bench-round-${options.tag.toLowerCase()}`;
  const saved = await fetch(`${stack.apiUrl}/v1/policies/${policyId}`, {
    method: 'PUT',
    headers: { Authorization: issuer, 'Content-Type': 'application/json' },
    body: JSON.stringify(roundPolicy(district)),
  });
  if (!saved.ok) throw new Error(`saving the bench policy: ${saved.status} ${await saved.text()}`);

  const cpuBefore = cpuSeconds(stack.processes);
  const startedAt = performance.now();
  await postAs(stack, `/v1/policies/${policyId}/rounds`, issuer, { perMinute: 100_000, pageSize: PAGE_SIZE });
  let casesStarted = 0;
  for (;;) {
    const res = await fetch(`${stack.apiUrl}/v1/policies/${policyId}/rounds/${district}`, {
      headers: { Authorization: issuer },
    });
    const round = (await res.json()) as { progress?: { finished: boolean; started: number } };
    if (round.progress?.finished) {
      casesStarted = round.progress.started;
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  const wallSeconds = (performance.now() - startedAt) / 1000;
  const cpu = cpuBetween(cpuBefore, cpuSeconds(stack.processes));
  const cpuSecondsPerEnterprise = Object.fromEntries(
    Object.entries(cpu)
      .filter(([name]) => name !== 'baselineWorker')
      .map(([name, seconds]) => [name, seconds / enterprises]),
  );
  return {
    enterprises,
    district,
    casesStarted,
    wallSeconds,
    enterprisesPerSecond: enterprises / wallSeconds,
    cpuSecondsPerEnterprise,
    totalCpuSecondsPerEnterprise: Object.values(cpuSecondsPerEnterprise).reduce((a, b) => a + b, 0),
  };
}

/** Rounds over registers of the given sizes, smallest first, each in a district of its own; logs a line for each. */
export async function runRounds(
  stack: BenchStack,
  options: { sizes: readonly number[]; tag: string },
  log: (line: string) => void,
): Promise<RoundScaleRun[]> {
  const runs: RoundScaleRun[] = [];
  let serialBase = 2_000_000;
  for (const [i, enterprises] of [...options.sizes].sort((a, b) => a - b).entries()) {
    const run = await runRound(stack, {
      district: ROUND_DISTRICTS[i % ROUND_DISTRICTS.length]!,
      tag: `${options.tag}R${i}`,
      enterprises,
      serialBase,
    });
    serialBase += enterprises;
    runs.push(run);
    log(
      `  round over ${enterprises} enterprises: ${run.enterprisesPerSecond.toFixed(0)} judged/s, ${run.casesStarted} cases, ${(1000 * run.totalCpuSecondsPerEnterprise).toFixed(3)} CPU-ms per enterprise`,
    );
  }
  return runs;
}
