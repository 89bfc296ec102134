import assert from 'node:assert/strict';
import {
  districtCoverage,
  slotsPerThousandTarget,
  type RegisteredProvider,
} from '../../processes/childcare/workflow/coverage';

const provider = (overrides: Partial<RegisteredProvider>): RegisteredProvider => ({
  district: 'jinshui',
  street: '花园路街道',
  community: '农科路社区',
  kind: 'public-built-private-run',
  level: 'community',
  slots: 30,
  ...overrides,
});

const NONE = { streets: [], communities: [] };

describe('childcare coverage against the city’s targets', function () {
  it('the slots-per-1,000 target steps 2 → 4 → 6 by year', function () {
    // Between two target years the last one passed applies: 2024 is held to 4, 6 only from 2025.
    assert.deepEqual([2021, 2022, 2023, 2024, 2025, 2030].map(slotsPerThousandTarget), [2, 2, 4, 4, 6, 6]);
  });

  it('counts slots per 1,000 residents, the public share, large providers and covered streets', function () {
    const providers = [
      provider({ slots: 60, kind: 'public', level: 'street' }),
      provider({ slots: 50, kind: 'private-public-aided', level: 'street', street: '丰产路街道' }),
      provider({ slots: 40, kind: 'workplace', level: 'township', street: '某乡' }),
      provider({ district: 'erqi', slots: 500 }),
    ];
    const c = districtCoverage('jinshui', 2025, providers, 50_000, {
      streets: ['花园路街道', '丰产路街道', '某乡', '未覆盖街道'],
      communities: [],
    });
    assert.equal(c.providers, 3);
    assert.equal(c.slots, 150);
    assert.equal(c.slotsPerThousand, 3);
    assert.equal(c.slotsPerThousandTarget, 6);
    assert.equal(c.targetsMet.slotsPerThousand, false);
    // Public (60) of 150: 40%, under the 50% target.
    assert.equal(c.publicShare, 0.4);
    assert.equal(c.targetsMet.publicShare, false);
    assert.equal(c.largeProviders, 2);
    assert.equal(c.targetsMet.largeProviders, true);
    // A township is covered by a provider of 30 or more; a street needs 50.
    assert.equal(c.streetsCovered, 3);
    assert.equal(c.streetsKnown, 4);
    assert.equal(c.targetsMet.everyStreetCovered, false);
  });

  it('on both sides of each target', function () {
    const at = (slots: number, residents: number) =>
      districtCoverage('jinshui', 2023, [provider({ slots, kind: 'public' })], residents, NONE).targetsMet
        .slotsPerThousand;
    assert.equal(at(400, 100_000), true, '4.00 per 1,000 meets 4');
    assert.equal(at(399, 100_000), false, '3.99 does not');
    const share = (publicSlots: number, otherSlots: number) =>
      districtCoverage(
        'jinshui',
        2023,
        [
          provider({ slots: publicSlots, kind: 'public' }),
          provider({ slots: otherSlots, kind: 'workplace' }),
        ],
        undefined,
        NONE,
      ).targetsMet.publicShare;
    assert.equal(share(50, 50), true);
    assert.equal(share(49, 51), false);
    const large = (slots: number[]) =>
      districtCoverage(
        'jinshui',
        2023,
        slots.map((s) => provider({ slots: s })),
        undefined,
        NONE,
      ).targetsMet.largeProviders;
    assert.equal(large([50, 50]), true);
    assert.equal(large([50, 49]), false);
  });

  it('says so when no resident count is configured, rather than guess', function () {
    const c = districtCoverage('jinshui', 2025, [provider({})], undefined, NONE);
    assert.equal(c.residents, null);
    assert.equal(c.slotsPerThousand, null);
    assert.equal(c.targetsMet.slotsPerThousand, null);
  });

  it('each area against its own targets, counted by hand: a county, a development zone and a district', function () {
    // 巩义市 (a county-level city), 2025, 80,000 residents: one public street provider of 60 slots, a 公建民营
    // community point of 19, a workplace one of 25 in a community of its own.
    const gongyi = [
      provider({
        district: 'gongyi',
        street: '孝义街道',
        community: '孝南社区',
        kind: 'public',
        level: 'street',
        slots: 60,
      }),
      provider({ district: 'gongyi', street: '孝义街道', community: '孝北社区', slots: 19 }),
      provider({
        district: 'gongyi',
        street: '回郭镇',
        community: '回郭社区',
        kind: 'workplace',
        level: 'township',
        slots: 25,
      }),
    ];
    const g = districtCoverage('gongyi', 2025, gongyi, 80_000, {
      streets: ['孝义街道', '回郭镇'],
      communities: ['孝南社区', '孝北社区', '回郭社区'],
    });
    // 104 slots × 1,000 / 80,000 = 1.3 per 1,000, against 6 (2025).
    assert.deepEqual([g.slots, g.slotsPerThousand, g.slotsPerThousandTarget], [104, 1.3, 6]);
    // Public 60 + 公建民营 19 = 79 of 104 = 0.760 (the workplace point counts in the whole, not the share).
    assert.equal(g.publicShare, 0.76);
    // A county needs one provider of ≥ 50 and one public provider: it has one of each.
    assert.deepEqual([g.largeProviders, g.largeProvidersTarget, g.targetsMet.largeProviders], [1, 1, true]);
    assert.deepEqual(
      [g.publicProviders, g.publicProvidersTarget, g.targetsMet.publicProviders],
      [1, 1, true],
    );
    // 孝义街道 has its ≥ 50; 回郭镇's township point has 25 < 30: one of two covered.
    assert.deepEqual([g.streetsCovered, g.streetsKnown, g.targetsMet.everyStreetCovered], [1, 2, false]);
    // Communities need ≥ 20: 孝南 (60) and 回郭 (25) yes, 孝北 (19) no.
    assert.deepEqual(
      [g.communitiesCovered, g.communitiesKnown, g.targetsMet.everyCommunityCovered],
      [2, 3, false],
    );

    // 郑州航空港区 (a development zone), 2024: no public provider yet, which the source asks of it.
    const zone = districtCoverage(
      'hangkonggang',
      2024,
      [provider({ district: 'hangkonggang', slots: 50 })],
      100_000,
      NONE,
    );
    assert.deepEqual([zone.slotsPerThousandTarget, zone.targetsMet.slotsPerThousand], [4, false]);
    assert.deepEqual([zone.publicProviders, zone.targetsMet.publicProviders], [0, false]);
    assert.deepEqual([zone.largeProvidersTarget, zone.targetsMet.largeProviders], [1, true]);

    // 金水区, 2022: two large providers asked; streets and communities not yet held to a provider.
    const jinshui = districtCoverage('jinshui', 2022, [provider({ slots: 50, level: 'street' })], 25_000, {
      streets: ['花园路街道', '丰产路街道'],
      communities: ['农科路社区', '另一社区'],
    });
    assert.deepEqual([jinshui.largeProvidersTarget, jinshui.targetsMet.largeProviders], [2, false]);
    assert.equal(
      jinshui.publicProvidersTarget,
      null,
      'the source names no public-provider target for a district',
    );
    assert.deepEqual(
      [jinshui.targetsMet.everyStreetCovered, jinshui.targetsMet.everyCommunityCovered],
      [null, null],
    );
    assert.deepEqual([jinshui.slotsPerThousand, jinshui.targetsMet.slotsPerThousand], [2, true]);
  });
});
