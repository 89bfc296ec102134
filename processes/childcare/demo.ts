/**
 * The childcare subsidy's part of `npm run demo`: a dozen applications at different points — waiting for the
 * completeness check, returned for correction, at inspection, at each approval, and registered (paid). The
 * departments' data was seeded by npm start (demo-seed.ts).
 */
import type { DemoClient, DemoLoader } from '../demo-kit';
import { demoChildcareProviders } from './demo-seed';

type DemoApplication = ReturnType<typeof demoChildcareProviders>[number];

/** Takes one application as far as its plan says (n % 6), each step by the person the process names. */
async function loadApplication(client: DemoClient, { provider, facts, staff }: DemoApplication, n: number) {
  const district = provider.district;
  const health = (role: 'clerk' | 'inspector' | 'supervisor') =>
    client.token({ sub: `hc-${role}-${district}`, dept: 'health-commission', district, roles: [role] });
  const clerk = await health('clerk');
  const started = await client.call(clerk, 'POST', '/v1/childcare/applications', { provider, facts, staff });
  const url = `/v1/childcare/applications/${encodeURIComponent(String(started.caseId))}`;
  const step = async (auth: string, action: string, body: object, next: string[]) => {
    await client.call(auth, 'POST', `${url}/actions/${action}`, body);
    return (await client.waitForStage(clerk, url, next)) !== undefined;
  };
  const plan = n % 6;
  if (plan === 0 || (await client.waitForStage(clerk, url, ['completeness-check'])) === undefined) return;
  if (plan === 1) {
    await client.call(clerk, 'POST', `${url}/actions/completeness`, {
      outcome: 'return-for-correction',
      missing: ['消防验收意见书复印件'],
    });
    return;
  }
  if (!(await step(clerk, 'completeness', { outcome: 'complete' }, ['site-inspection', 'refused']))) return;
  if (plan === 2) return;
  const inspection = { result: 'pass', photosRef: `DEMO-PHOTOS-${n}` };
  if (!(await step(await health('inspector'), 'inspection', inspection, ['health-approval']))) return;
  if (plan === 3) return;
  const supervisor = await health('supervisor');
  if (!(await step(supervisor, 'health-approval', { decision: 'approve' }, ['finance-approval']))) return;
  const finance = await client.token({
    sub: `fin-${district}`,
    dept: 'district-finance',
    district,
    roles: ['finance'],
  });
  await step(finance, 'finance-approval', { decision: 'approve' }, ['registered']);
}

export const loadChildcareDemo: DemoLoader = async (client) => {
  const applications = demoChildcareProviders();
  for (const [n, application] of applications.entries()) await loadApplication(client, application, n);
  return `Loaded ${applications.length} childcare applications (some registered: see GET /v1/childcare/coverage.svg)`;
};
