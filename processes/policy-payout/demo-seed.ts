/**
 * The demo's enterprises and what each department holds about them (npm start seeds them). Made-up data.
 */
import type { Adapters } from '../../activities/adapters';
import { DISTRICT_CODES } from '../../workflows/kit/vocabulary';
import { registerEnterprise, type EnterpriseProfile } from './demo-enterprises';

const INDUSTRIES = ['C39', 'C35', 'C26', 'I65', 'F51', 'M73'] as const;
const GRADES = ['A', 'B', 'A', 'M', 'C'] as const;
const NAMES = ['精密制造', '智能装备', '新材料', '软件信息', '商贸', '检测研究'] as const;

/** Enterprises per district: varied so that each policy finds some and refuses others. */
export function demoEnterprises(perDistrict = 12): EnterpriseProfile[] {
  return DISTRICT_CODES.flatMap((district, d) =>
    Array.from({ length: perDistrict }, (_, i): EnterpriseProfile => {
      const n = d * perDistrict + i;
      return {
        serial: 100_000 + n,
        name: `郑州示例${NAMES[n % NAMES.length]}有限公司${i + 1}`,
        district,
        industry: INDUSTRIES[n % INDUSTRIES.length]!,
        registeredOn: `${2008 + (n % 15)}-0${1 + (n % 9)}-15`,
        tax: { grade: GRADES[n % GRADES.length]!, paidFen: 5_000_000 * (1 + (n % 20)) },
        highTech: n % 3 !== 2,
        rdSpendFen: 40_000_000 * (1 + (n % 10)),
        patents: { inForce: n % 7, convertedLastYear: n % 4 },
        insured: 15 + ((n * 37) % 300),
      };
    }),
  );
}

export async function seedPolicyDepartments(
  adapters: Adapters,
  enterprises = demoEnterprises(),
): Promise<void> {
  const year = new Date().getFullYear();
  for (const enterprise of enterprises) await registerEnterprise(adapters, enterprise, year);
}
