/**
 * Childcare-provider subsidy applications on their main path, to `registered`: filed through the API by the
 * district health commission's clerk, found complete, checked by market regulation, fire safety and civil affairs
 * (each provider registered and signed off beforehand, as the departments' own records would have it), inspected
 * on site, approved by the commission and by district finance, paid and entered in the registry. (A registered
 * provider's case then waits for its yearly evaluation; it is left running.)
 */
import { siteKeyOf } from '../../processes/childcare/site-key';
import { childcareApplicationExample, exampleCreditCode } from '../../processes/childcare/api/example';
import { yearOf } from '../../processes/childcare/workflow/application-case';
import { CHILDCARE_TERMINAL_STAGES } from '../../processes/childcare/workflow/contract';
import type { Department, District } from '../../workflows/kit/vocabulary';
import type { BenchStack } from '../stack';
import type { WorkloadDriver } from './case-poller';
import { stepwiseDriver } from './stepwise-driver';

const DISTRICT: District = 'jinshui';
const { street, community } = childcareApplicationExample().provider;
const SITE = { district: DISTRICT, street, community };

/** What the departments know of every provider the run will file for, and the district's published price ceiling. */
async function seedDepartments(stack: BenchStack, applications: number): Promise<void> {
  const { marketRegulation, fireSafety, civilAffairs } = stack.adapters;
  await civilAffairs.upsertCommunities([SITE]);
  await marketRegulation.publishChildcarePriceCeiling({
    district: DISTRICT,
    year: yearOf(new Date().toISOString()),
    ceilingFen: 200_000,
    publishedBy: 'bench',
  });
  for (let index = 0; index < applications; index++) {
    await marketRegulation.registerBusiness(exampleCreditCode(index), 'active');
    await fireSafety.recordSignOff(exampleCreditCode(index), siteKeyOf(SITE), true);
  }
}

export async function childcareDriver(stack: BenchStack, applications: number): Promise<WorkloadDriver> {
  await seedDepartments(stack, applications);
  const bearer = async (dept: Department, role: 'clerk' | 'inspector' | 'supervisor' | 'finance') =>
    `Bearer ${await stack.token({ sub: `bench-${role}`, name: role, dept, district: DISTRICT, roles: [role] })}`;
  return stepwiseDriver(stack, {
    casesPath: '/v1/childcare/applications',
    tokens: {
      clerk: await bearer('health-commission', 'clerk'),
      inspector: await bearer('health-commission', 'inspector'),
      supervisor: await bearer('health-commission', 'supervisor'),
      finance: await bearer('district-finance', 'finance'),
    },
    steps: {
      'completeness-check': { action: 'completeness', by: 'clerk', body: { outcome: 'complete' } },
      'site-inspection': {
        action: 'inspection',
        by: 'inspector',
        body: { result: 'pass', photosRef: 'BENCH' },
      },
      'health-approval': { action: 'health-approval', by: 'supervisor', body: { decision: 'approve' } },
      'finance-approval': { action: 'finance-approval', by: 'finance', body: { decision: 'approve' } },
    },
    doneStage: 'registered',
    failedStages: CHILDCARE_TERMINAL_STAGES,
    start: (index) => ({ by: 'clerk', body: childcareApplicationExample(index, DISTRICT) }),
  });
}
