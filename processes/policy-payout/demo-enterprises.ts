/**
 * Made-up enterprises with what each department holds about them: the demo's, the tests' and the benchmark's.
 * Each is written to the departments' own tables through their adapters, as their systems would hold it.
 */
import type { Adapters } from '../../activities/adapters';
import type { TaxCreditGrade } from '../../activities/adapters/tax/port';
import { creditCodeCheckCharacter } from '../../workflows/kit/credit-code';
import type { District } from '../../workflows/kit/vocabulary';

/** A well-formed unified social credit code whose serial part is the given number (an enterprise of its own). */
export function exampleCreditCode(serial: number): string {
  const first17 = `91410100MA${String(serial).padStart(7, '0')}`;
  return first17 + creditCodeCheckCharacter(first17);
}

export interface EnterpriseProfile {
  serial: number;
  name: string;
  district: District;
  industry: string;
  registeredOn: string;
  status?: 'active' | 'revoked';
  tax?: { grade: TaxCreditGrade; paidFen: number };
  highTech?: boolean;
  rdSpendFen?: number;
  patents?: { inForce: number; convertedLastYear: number };
  insured?: number;
}

type FactsAdapters = Pick<
  Adapters,
  'marketRegulation' | 'tax' | 'scienceTechnology' | 'intellectualProperty' | 'humanResources'
>;

/** Writes the enterprise to each department that holds something about it; `year` is the year being judged. */
export async function registerEnterprise(adapters: FactsAdapters, profile: EnterpriseProfile, year: number) {
  const creditCode = exampleCreditCode(profile.serial);
  const lastYear = year - 1;
  await adapters.marketRegulation.registerEnterprise({
    creditCode,
    name: profile.name,
    status: profile.status ?? 'active',
    industry: profile.industry,
    district: profile.district,
    registeredOn: profile.registeredOn,
  });
  if (profile.tax) {
    await adapters.tax.recordYear({
      creditCode,
      year: lastYear,
      creditGrade: profile.tax.grade,
      taxPaidFen: profile.tax.paidFen,
    });
  }
  if (profile.highTech) {
    await adapters.scienceTechnology.certify({
      certificateNo: `GR${lastYear}41${String(profile.serial).padStart(6, '0')}`,
      creditCode,
      validFrom: `${lastYear - 1}-12-01`,
      validUntil: `${lastYear + 2}-11-30`,
    });
  }
  if (profile.rdSpendFen !== undefined) {
    await adapters.scienceTechnology.recordRdSpend({
      creditCode,
      year: lastYear,
      rdSpendFen: profile.rdSpendFen,
    });
  }
  for (let i = 0; i < (profile.patents?.inForce ?? 0); i += 1) {
    await adapters.intellectualProperty.grantPatent({
      patentNo: `ZL${lastYear - 2}1${String(profile.serial).padStart(6, '0')}${i}`,
      creditCode,
      grantedOn: `${lastYear - 2}-06-01`,
      convertedOn: i < (profile.patents?.convertedLastYear ?? 0) ? `${lastYear}-09-01` : undefined,
    });
  }
  if (profile.insured !== undefined) {
    await adapters.humanResources.recordInsured({
      creditCode,
      month: `${year}-01-01`,
      insured: profile.insured,
    });
  }
  return creditCode;
}
