/**
 * Policy payout's part of `npm run demo`: the catalogue saved by each policy's issuer, one 免申即享 policy's rounds in
 * every district, the enterprises it found confirming or declining, and applications at each stage up to the
 * public notice (公示), whose working days then run in real time. The enterprises were seeded by npm start.
 */
import { POLICY_PAYOUT_STAGES, policyPayoutWorkflowId } from './workflow/contract';
import { inLanes, pause, type DemoClient, type DemoLoader } from '../demo-kit';
import { exampleCreditCode, type EnterpriseProfile } from './demo-enterprises';
import { demoCatalogue } from './demo-catalogue';
import { demoEnterprises } from './demo-seed';
import type { PolicyTerms } from '../../activities/adapters/policy-catalogue/terms';

const ROUND_POLICY = 'st-rd-post-subsidy';
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

/** Waits (up to a minute) until the round of each district has judged its whole register. */
async function roundsFinished(client: DemoClient, auth: string, districts: readonly string[]): Promise<void> {
  for (const district of districts) {
    for (let i = 0; i < 600; i += 1) {
      const round = await client.call(auth, 'GET', `/v1/policies/${ROUND_POLICY}/rounds/${district}`);
      if ((round.progress as { finished?: boolean } | undefined)?.finished) break;
      await pause(100);
    }
  }
}

/** The enterprises a round found take their offer (n % 4): confirm, decline, or leave it waiting. */
async function answerOffers(client: DemoClient, enterprises: EnterpriseProfile[]): Promise<number> {
  let found = 0;
  await inLanes(enterprises, 8, async (enterprise, n) => {
    const caseId = policyPayoutWorkflowId(
      enterprise.district,
      ROUND_POLICY,
      year(),
      exampleCreditCode(enterprise.serial),
    );
    const url = `/v1/policy-payouts/${encodeURIComponent(caseId)}`;
    const own = await enterpriseToken(client, enterprise);
    // Not found by the round (a 404), or answered by an earlier run of the demo: nothing to do.
    const stage = await client.waitForStage(own, url, SETTLED).catch(() => undefined);
    if (stage !== 'awaiting-confirmation') return;
    found += 1;
    if (n % 4 === 0)
      await client.call(own, 'POST', `${url}/actions/confirm`, { account: ACCOUNT(enterprise.serial) });
    if (n % 4 === 1) await client.call(own, 'POST', `${url}/actions/decline`, { reason: '企业自愿放弃' });
  });
  return found;
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
  const round = catalogue.find((p) => p.policyId === ROUND_POLICY)!;
  const issuer = await issuerToken(client, round.terms.issuer);
  await client.call(issuer, 'POST', `/v1/policies/${ROUND_POLICY}/rounds`, { perMinute: 6_000 });
  await roundsFinished(client, issuer, round.terms.scope);
  const enterprises = demoEnterprises();
  const found = await answerOffers(client, enterprises);
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
  return `Loaded ${catalogue.length} policies of the 亲清在线 catalogue (GET /v1/policies), one 免申即享 round in every district (${found} enterprises found, some confirmed, some declined) and ${applications.length} applications up to the public notice`;
};
