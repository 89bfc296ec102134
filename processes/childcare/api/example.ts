/**
 * A childcare application that passes every rule (a made-up provider, staff names and certificate numbers): the
 * OpenAPI document's example, and what the tests and the benchmark file, each with a provider of its own.
 */
import { creditCodeCheckCharacter } from '../../../workflows/kit/credit-code';

/** A well-formed unified social credit code whose serial part is the given number (a provider of its own). */
export function exampleCreditCode(serial: number): string {
  const first17 = `91410105MA${String(serial).padStart(7, '0')}`;
  return first17 + creditCodeCheckCharacter(first17);
}

export function childcareApplicationExample(serial = 1, district = 'jinshui') {
  return {
    provider: {
      name: '金水区花园路社区托育点',
      creditCode: exampleCreditCode(serial),
      kind: 'public-built-private-run',
      level: 'community',
      district,
      street: '花园路街道',
      community: '农科路社区',
      services: ['full-day', 'hourly'],
    },
    facts: {
      slots: 30,
      constructionInvestmentFen: 80_000_000,
      higherLevelSubsidyReceived: false,
      monthlyPriceFen: 180_000,
      monitoring24hWithAlarm: true,
      videoCoversAllAreas: true,
      recordingRetentionDays: 90,
    },
    staff: [
      { name: '李保育', certificateNumber: `BY-${serial}-0001` },
      { name: '赵育婴', certificateNumber: `BY-${serial}-0002` },
    ],
  };
}
