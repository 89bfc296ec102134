/**
 * Policy payout's part of `npm run demo`: the catalogue saved by each policy's issuer, 免申即享 rounds of four policies
 * (the enterprises found confirming, declining or not yet answering; where a policy sets no public notice the money
 * moves at once: paid, conferred, waiting for next year's budget, or refused once the budget ran out), and
 * applications at each stage up to the public notice (公示), whose working days then run in real time. The
 * enterprises were seeded by npm start.
 */
import { POLICY_PAYOUT_STAGES, policyPayoutWorkflowId } from './workflow/contract';
import { inLanes, pause, type DemoClient, type DemoLoader } from '../demo-kit';
import { exampleCreditCode, type EnterpriseProfile } from './demo-enterprises';
import { demoCatalogue } from './demo-catalogue';
import { demoEnterprises } from './demo-seed';
import type { PolicyTerms } from '../../activities/adapters/policy-catalogue/terms';

type Answer = 'confirm' | 'decline' | 'wait';
/** The policies whose rounds the demo starts, and how the n-th enterprise found answers its offer. */
const ROUNDS: readonly { policyId: string; answer: (n: number) => Answer }[] = [
  // Its notice runs in real time: the confirmed cases wait there, the others at the offer.
  {
    policyId: 'st-rd-post-subsidy',
    answer: (n) => (['confirm', 'decline', 'wait', 'wait'] as const)[n % 4]!,
  },
  // No notice: paid until the year's budget is spent, then waiting for next year's (1 January).
  { policyId: 'ii-stable-expansion', answer: () => 'confirm' },
  // No notice, first come: paid until the budget is spent, then refused as budget-exhausted.
  { policyId: 'co-trade-upgrade', answer: (n) => (n % 5 === 4 ? 'decline' : 'confirm') },
  // An honour: conferred, no money.
  { policyId: 'zhengdong-hq-honour', answer: () => 'confirm' },
];
/** Any stage: a wait ends once the case has settled wherever its step took it. */
const SETTLED = [...POLICY_PAYOUT_STAGES];
const ACCOUNT = (serial: number) => ({
  bank: '中原银行郑州分行营业部',
  accountNumber: `4110000${String(serial).padStart(8, '0')}`,
});
const year = () => new Date().getFullYear();

const issuerToken = (
  client: DemoClient,
  issuer: PolicyTerms['issuer'],
  role: 'supervisor' | 'clerk' = 'supervisor',
) =>
  client.token({
    sub: `${issuer.department}-${role}-${issuer.area}`,
    dept: issuer.department,
    district: issuer.area,
    roles: [role],
  });
const enterpriseToken = (client: DemoClient, enterprise: EnterpriseProfile) =>
  client.token({
    sub: `legal-${enterprise.serial}`,
    dept: 'enterprise',
    district: enterprise.district,
    roles: ['legal-person'],
    org: exampleCreditCode(enterprise.serial),
  });

/** Waits (up to a minute each) until the policy's round of each district has judged its whole register. */
async function roundsFinished(
  client: DemoClient,
  auth: string,
  policyId: string,
  districts: readonly string[],
): Promise<void> {
  for (const district of districts) {
    for (let i = 0; i < 600; i += 1) {
      const round = await client.call(auth, 'GET', `/v1/policies/${policyId}/rounds/${district}`);
      if ((round.progress as { finished?: boolean } | undefined)?.finished) break;
      await pause(100);
    }
  }
}

/** The enterprises a round found answer their offers as the demo says; the stage each case then settled at. */
async function answerOffers(
  client: DemoClient,
  { policyId, answer }: (typeof ROUNDS)[number],
  enterprises: EnterpriseProfile[],
): Promise<string[]> {
  const settled: string[] = [];
  await inLanes(enterprises, 8, async (enterprise, n) => {
    const caseId = policyPayoutWorkflowId(
      enterprise.district,
      policyId,
      year(),
      exampleCreditCode(enterprise.serial),
    );
    const url = `/v1/policy-payouts/${encodeURIComponent(caseId)}`;
    const own = await enterpriseToken(client, enterprise);
    // Not found by the round (a 404), or answered by an earlier run of the demo: nothing to do.
    const stage = await client.waitForStage(own, url, SETTLED).catch(() => undefined);
    if (stage !== 'awaiting-confirmation') return;
    const act = answer(n);
    if (act === 'confirm')
      await client.call(own, 'POST', `${url}/actions/confirm`, { account: ACCOUNT(enterprise.serial) });
    if (act === 'decline')
      await client.call(own, 'POST', `${url}/actions/decline`, { reason: '企业自愿放弃' });
    settled.push(
      act === 'wait' ? stage : ((await client.waitForStage(own, url, SETTLED)) ?? 'still working'),
    );
  });
  return settled;
}

/** "3 paid, 2 declined": how many cases stand at each stage. */
function countedByStage(stages: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const stage of stages) counts.set(stage, (counts.get(stage) ?? 0) + 1);
  return [...counts].map(([stage, count]) => `${count} ${stage}`).join(', ');
}

/** Takes one application as far as its plan says (n % 7), each step by the party the process names. */
async function loadApplication(
  client: DemoClient,
  policyId: string,
  terms: PolicyTerms,
  enterprise: EnterpriseProfile,
  n: number,
) {
  const own = await enterpriseToken(client, enterprise);
  const started = await client.call(own, 'POST', '/v1/policy-payouts', {
    policyId,
    district: enterprise.district,
    materials: terms.materials,
    account: ACCOUNT(enterprise.serial),
  });
  const url = `/v1/policy-payouts/${encodeURIComponent(String(started.caseId))}`;
  const clerk = await issuerToken(client, terms.issuer, 'clerk');
  const supervisor = await issuerToken(client, terms.issuer);
  /** Takes the decision and waits for the case to settle: the stage it then stands at. */
  const step = async (auth: string, action: string, body: object) => {
    await client.call(auth, 'POST', `${url}/actions/${action}`, body);
    return client.waitForStage(own, url, SETTLED);
  };
  const plan = n % 7;
  // Plan 0 waits at the completeness check; a case an earlier run of the demo took on is left where it is.
  if (plan === 0 || (await client.waitForStage(own, url, SETTLED)) !== 'completeness-check') return;
  if (plan === 1) {
    const missing = [terms.materials[0]];
    return void (await step(clerk, 'completeness', { outcome: 'return-for-correction', missing }));
  }
  if (plan === 2) return void (await step(own, 'decline', { reason: '材料准备不及，暂不申报' }));
  // Judged on the departments' facts: an enterprise the rules exclude is refused here.
  if ((await step(clerk, 'completeness', { outcome: 'complete' })) !== 'department-review' || plan === 3)
    return;
  if (plan === 4) {
    return void (await step(supervisor, 'review', {
      decision: 'refuse',
      reasons: ['申报材料与部门数据不符'],
    }));
  }
  if ((await step(supervisor, 'review', { decision: 'approve' })) !== 'public-notice') return;
  if (plan === 6) await step(clerk, 'objection', { summary: '群众反映该企业申报数据存疑' });
}

export const loadPolicyDemo: DemoLoader = async (client) => {
  const catalogue = demoCatalogue();
  for (const { policyId, terms } of catalogue) {
    await client.call(await issuerToken(client, terms.issuer), 'PUT', `/v1/policies/${policyId}`, terms);
  }
  const enterprises = demoEnterprises();
  const rounds: string[] = [];
  for (const round of ROUNDS) {
    const { terms } = catalogue.find((p) => p.policyId === round.policyId)!;
    const issuer = await issuerToken(client, terms.issuer);
    await client.call(issuer, 'POST', `/v1/policies/${round.policyId}/rounds`, { perMinute: 6_000 });
    await roundsFinished(client, issuer, round.policyId, terms.scope);
    const settled = await answerOffers(client, round, enterprises);
    rounds.push(`  ${terms.title}: ${countedByStage(settled) || 'none found'}`);
  }
  const applied = catalogue.filter(({ terms }) => terms.mode === 'application');
  const applications = applied.flatMap(({ policyId, terms }, i) =>
    enterprises
      .filter((e) => terms.scope.includes(e.district))
      .slice(i * 3, i * 3 + 7)
      .map((enterprise, n) => ({ policyId, terms, enterprise, plan: n + i })),
  );
  // Several enterprises at their screens at once, as on a working morning.
  await inLanes(applications, 8, ({ policyId, terms, enterprise, plan }) =>
    loadApplication(client, policyId, terms, enterprise, plan),
  );
  return [
    `Loaded ${catalogue.length} policies of the 亲清在线 catalogue (GET /v1/policies), ${ROUNDS.length} policies' 免申即享 rounds in every district of their scope:`,
    ...rounds,
    `and ${applications.length} applications up to the public notice`,
  ].join('\n');
};
