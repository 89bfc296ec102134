import assert from 'node:assert/strict';
import {
  districtCoverage,
  slotsPerThousandTarget,
  type RegisteredProvider,
} from '../../workflows/childcare/coverage';

const provider = (overrides: Partial<RegisteredProvider>): RegisteredProvider => ({
  district: 'jinshui',
  street: '花园路街道',
  kind: 'public-built-private-run',
  level: 'community',
  slots: 30,
  ...overrides,
});

describe('childcare coverage against the city’s targets', function () {
  it('the slots-per-1,000 target steps 2 → 4 → 6 by year', function () {
    assert.deepEqual([2021, 2022, 2023, 2024, 2025, 2030].map(slotsPerThousandTarget), [2, 2, 4, 6, 6, 6]);
  });

  it('counts slots per 1,000 residents, the public share, large providers and covered streets', function () {
    const providers = [
      provider({ slots: 60, kind: 'public', level: 'street' }),
      provider({ slots: 50, kind: 'private-public-aided', level: 'street', street: '丰产路街道' }),
      provider({ slots: 40, kind: 'workplace', level: 'township', street: '某乡' }),
      provider({ district: 'erqi', slots: 500 }),
    ];
    const c = districtCoverage('jinshui', 2025, providers, 50_000, [
      '花园路街道',
      '丰产路街道',
      '某乡',
      '未覆盖街道',
    ]);
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
      districtCoverage('jinshui', 2023, [provider({ slots, kind: 'public' })], residents, []).targetsMet
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
        [],
      ).targetsMet.publicShare;
    assert.equal(share(50, 50), true);
    assert.equal(share(49, 51), false);
    const large = (slots: number[]) =>
      districtCoverage(
        'jinshui',
        2023,
        slots.map((s) => provider({ slots: s })),
        undefined,
        [],
      ).targetsMet.largeProviders;
    assert.equal(large([50, 50]), true);
    assert.equal(large([50, 49]), false);
  });

  it('says so when no resident count is configured, rather than guess', function () {
    const c = districtCoverage('jinshui', 2025, [provider({})], undefined, []);
    assert.equal(c.residents, null);
    assert.equal(c.slotsPerThousand, null);
    assert.equal(c.targetsMet.slotsPerThousand, null);
  });
});
