/**
 * Made-up childcare providers for the demo (never real organisations or people), and what the departments know of
 * them: business registrations, fire-safety sign-offs, the communities, and each district's price ceiling.
 */
import { creditCodeCheckCharacter } from '../../workflows/kit/credit-code';
import type { ChildcareProvider, ApplicationFacts } from './workflow/contract';
import { DISTRICT_CODES, type District } from '../../workflows/definitions';
import type { Adapters } from '../../activities/adapters';
import { siteKeyOf } from './site-key';
import type { StaffMember } from '../../activities/adapters/health-commission/port';

interface DemoProvider {
  provider: ChildcareProvider;
  facts: ApplicationFacts;
  staff: StaffMember[];
}

const STREETS: Record<District, [string, string]> = {
  zhongyuan: ['林山寨街道', '建设路街道'],
  erqi: ['建中街街道', '淮河路街道'],
  jinshui: ['花园路街道', '丰产路街道'],
  guancheng: ['紫荆山南路街道', '北下街街道'],
  huiji: ['新城街道', '古荥镇'],
  zhengdong: ['如意湖街道', '龙子湖街道'],
  gaoxin: ['石佛镇', '枫杨街道'],
  jingkai: ['明湖街道', '潮河街道'],
  shangjie: ['济源路街道', '峡窝镇'],
  hangkonggang: ['新港办事处', '龙王办事处'],
  gongyi: ['孝义街道', '回郭镇'],
  xingyang: ['索河街道', '广武镇'],
  xinmi: ['青屏街道', '超化镇'],
  xinzheng: ['新建路街道', '龙湖镇'],
  dengfeng: ['嵩阳街道', '告成镇'],
  zhongmou: ['青年路街道', '官渡镇'],
};

function creditCode(n: number): string {
  const first17 = `52410100MJ${String(n).padStart(7, '0')}`;
  return first17 + creditCodeCheckCharacter(first17);
}

/** A dozen providers: mostly community points run as 公建民营 or 民办公助, a few street providers. */
export function demoChildcareProviders(count = 12): DemoProvider[] {
  return Array.from({ length: count }, (_, i) => {
    const district = DISTRICT_CODES[i % DISTRICT_CODES.length]!;
    const street = STREETS[district][i % 2]!;
    const level = i % 4 === 3 ? 'street' : 'community';
    const slots = level === 'street' ? 60 + (i % 3) * 10 : 20 + (i % 5) * 5;
    return {
      provider: {
        name: `${street.replace(/街道|镇/, '')}第${i + 1}托育点`,
        creditCode: creditCode(i + 1),
        kind: i % 3 === 0 ? 'private-public-aided' : 'public-built-private-run',
        level,
        district,
        street,
        community: `${street.slice(0, 2)}第${1 + (i % 3)}社区`,
        services: i % 2 === 0 ? ['full-day', 'hourly'] : ['full-day'],
      },
      facts: {
        slots,
        constructionInvestmentFen: slots * 1_500_000,
        higherLevelSubsidyReceived: false,
        monthlyPriceFen: 150_000 + (i % 4) * 10_000,
        monitoring24hWithAlarm: true,
        videoCoversAllAreas: true,
        recordingRetentionDays: 90 + (i % 3) * 30,
      },
      staff: [
        { name: `示例保育员${i + 1}甲`, certificateNumber: `DEMO-BY-${i + 1}-1` },
        { name: `示例保育员${i + 1}乙`, certificateNumber: `DEMO-BY-${i + 1}-2` },
      ],
    };
  });
}

/** What the departments know of the demo providers, and a price ceiling for every district this year and next. */
export async function seedChildcareDepartments(
  adapters: Adapters,
  providers: readonly DemoProvider[],
): Promise<void> {
  const year = new Date().getFullYear();
  for (const { provider } of providers) {
    await adapters.marketRegulation.registerBusiness(provider.creditCode, 'active');
    await adapters.fireSafety.recordSignOff(provider.creditCode, siteKeyOf(provider), true);
  }
  await adapters.civilAffairs.upsertCommunities(
    providers.map(({ provider }) => ({
      district: provider.district,
      street: provider.street,
      community: provider.community,
    })),
  );
  for (const district of DISTRICT_CODES) {
    for (const y of [year, year + 1]) {
      if (await adapters.marketRegulation.childcarePriceCeiling(district, y)) continue;
      await adapters.marketRegulation.publishChildcarePriceCeiling({
        district,
        year: y,
        ceilingFen: 200_000,
        publishedBy: 'demo-market-regulation',
      });
    }
  }
}
