/**
 * What the departments hold about enterprises, gathered into the facts a policy's rules read (policy/facts.ts):
 * five departments asked in parallel, each once for a whole page of enterprises.
 */
import type { Adapters } from '../../../activities/adapters';
import type { EnterpriseFacts } from '../policy/facts';

type FactsAdapters = Pick<
  Adapters,
  'marketRegulation' | 'tax' | 'scienceTechnology' | 'intellectualProperty' | 'humanResources'
>;

/** Whole years from one day to another (YYYY-MM-DD), as an anniversary counts them. */
export function wholeYearsBetween(from: string, to: string): number {
  const years = Number(to.slice(0, 4)) - Number(from.slice(0, 4));
  return to.slice(5) < from.slice(5) ? years - 1 : years;
}

/** The facts of each enterprise the business register knows, on the day (Beijing, YYYY-MM-DD). */
export async function gatherFacts(
  adapters: FactsAdapters,
  creditCodes: readonly string[],
  day: string,
): Promise<Map<string, EnterpriseFacts>> {
  const lastYear = Number(day.slice(0, 4)) - 1;
  const [registrations, taxYears, highTech, rdSpend, patents, insured] = await Promise.all([
    adapters.marketRegulation.enterprises(creditCodes),
    adapters.tax.years(creditCodes, lastYear),
    adapters.scienceTechnology.highTechOn(creditCodes, day),
    adapters.scienceTechnology.rdSpend(creditCodes, lastYear),
    adapters.intellectualProperty.patentCounts(creditCodes, day, lastYear),
    adapters.humanResources.insuredEmployees(creditCodes),
  ]);
  const facts = new Map<string, EnterpriseFacts>();
  for (const [creditCode, registration] of registrations) {
    const tax = taxYears.get(creditCode);
    facts.set(creditCode, {
      market: {
        status: registration.status,
        industry: registration.industry,
        district: registration.district,
        yearsRegistered: wholeYearsBetween(registration.registeredOn, day),
      },
      tax: { creditGrade: tax?.creditGrade ?? null, paidLastYearFen: tax?.taxPaidFen ?? null },
      science: { highTech: highTech.has(creditCode), rdSpendLastYearFen: rdSpend.get(creditCode) ?? null },
      ip: {
        patentsInForce: patents.get(creditCode)?.inForce ?? 0,
        patentsConvertedLastYear: patents.get(creditCode)?.convertedInYear ?? 0,
      },
      hr: { insuredEmployees: insured.get(creditCode) ?? null },
    });
  }
  return facts;
}
