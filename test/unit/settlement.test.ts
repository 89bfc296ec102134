import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  checkItems,
  computeSettlement,
  ESTIMATE_PRICES,
  PARTIES,
  resolvePriceBasis,
  SettlementRuleError,
  splitBySixths,
  type RetrofitItems,
  type SettlementUserType,
} from '../../processes/gas-retrofit/workflow/settlement';

const RESIDENTIAL = { cityFinance: 2, districtFinance: 1, gasCompany: 2, resident: 1 };
const sum = (shares: Record<string, number>) => Object.values(shares).reduce((a, b) => a + b, 0);

describe('settlement: prices and the four-party split', function () {
  it('¥240 estimate for valve + hose ≤ 3 m splits 80/40/80/40', function () {
    const settlement = computeSettlement(
      'residential-pipeline',
      { valve: true, hoseLengthM: 2.5 },
      ESTIMATE_PRICES,
    );
    assert.equal(settlement.totalFen, 24_000);
    assert.deepEqual(settlement.totals, {
      cityFinance: 8_000,
      districtFinance: 4_000,
      gasCompany: 8_000,
      resident: 4_000,
    });
  });

  it('valve only or hose only: the same ratios on that item', function () {
    const valve = computeSettlement('residential-pipeline', { valve: true }, ESTIMATE_PRICES);
    assert.deepEqual(valve.totals, {
      cityFinance: 4_000,
      districtFinance: 2_000,
      gasCompany: 4_000,
      resident: 2_000,
    });
    const hose = computeSettlement('residential-lpg', { valve: false, hoseLengthM: 3 }, ESTIMATE_PRICES);
    assert.deepEqual(hose.totals, {
      cityFinance: 4_000,
      districtFinance: 2_000,
      gasCompany: 4_000,
      resident: 2_000,
    });
  });

  it('hose beyond 3 m: the excess is the resident’s alone, half a fen rounding up', function () {
    const settlement = computeSettlement(
      'residential-pipeline',
      { valve: false, hoseLengthM: 4.5 },
      {
        ...ESTIMATE_PRICES,
        hoseExtraPerMetre: 3_333,
      },
    );
    const extra = settlement.lines.find((l) => l.item === 'hose-extra')!;
    assert.equal(extra.costFen, 5_000); // 3333 × 1.5 = 4999.5 → 5000
    assert.deepEqual(extra.shares, { cityFinance: 0, districtFinance: 0, gasCompany: 0, resident: 5_000 });
    assert.equal(settlement.totals.resident, 2_000 + 5_000);
  });

  it('non-residential users pay alarm, shut-off valve and hose in full', function () {
    const settlement = computeSettlement(
      'non-residential-pipeline',
      { valve: false, hoseLengthM: 2 },
      {
        ...ESTIMATE_PRICES,
        alarm: 26_000,
        shutoffValve: 18_000,
      },
    );
    assert.deepEqual(settlement.totals, {
      cityFinance: 0,
      districtFinance: 0,
      gasCompany: 0,
      resident: 56_000,
    });
  });

  it('a non-residential user whose hose is metal already lists none: alarm and shut-off valve only', function () {
    const settlement = computeSettlement(
      'non-residential-lpg',
      { valve: false, metalHoseInPlace: true },
      { ...ESTIMATE_PRICES, alarm: 26_000, shutoffValve: 18_000 },
    );
    assert.deepEqual(
      settlement.lines.map((l) => l.item),
      ['alarm', 'shutoff-valve'],
    );
    assert.equal(settlement.totalFen, 44_000);
    assert.throws(
      () => checkItems('non-residential-pipeline', { valve: false, metalHoseInPlace: true, hoseLengthM: 2 }),
      /items\.hoseLengthM: a hose in place is not fitted again/,
    );
    assert.throws(
      () => checkItems('residential-pipeline', { valve: true, metalHoseInPlace: true }),
      /items\.metalHoseInPlace: only non-residential users/,
    );
  });

  it('new-build homes: a self-closing valve and a metal hose, both required', function () {
    assert.throws(
      () => checkItems('new-build-residential', { valve: false, hoseLengthM: 2 }),
      /^SettlementRuleError: items\.valve: new-build homes all have a self-closing valve/,
    );
    assert.throws(
      () => checkItems('new-build-residential', { valve: true }),
      /items\.hoseLengthM: a metal hose is mandatory/,
    );
    assert.doesNotThrow(() => checkItems('new-build-residential', { valve: true, hoseLengthM: 2 }));
  });

  it('refuses work that the user type does not get, naming the field', function () {
    const refusals: Array<[SettlementUserType, RetrofitItems, RegExp]> = [
      ['residential-lpg', { valve: true, hoseLengthM: 2 }, /^items\.valve:/],
      ['residential-pipeline', { valve: false }, /^items:/],
      ['non-residential-lpg', { valve: false }, /^items\.hoseLengthM: a metal hose is mandatory/],
      [
        'residential-pipeline',
        { valve: false, hoseLengthM: 2.55 },
        /^items\.hoseLengthM: must have at most one decimal/,
      ],
      ['residential-pipeline', { valve: false, hoseLengthM: 0 }, /^items\.hoseLengthM: must be between/],
      ['non-residential-pipeline', { valve: false, hoseLengthM: 2 }, /^prices\.alarm: no tender price/],
    ];
    for (const [userType, items, message] of refusals) {
      assert.throws(
        () => computeSettlement(userType, items, ESTIMATE_PRICES),
        (error: unknown) => {
          assert.ok(error instanceof SettlementRuleError);
          assert.match(error.message, message);
          return true;
        },
      );
    }
  });

  it('the split of any cost sums exactly, each share within one fen of its exact value', function () {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_00 }), (cost) => {
        const shares = splitBySixths(cost, RESIDENTIAL);
        assert.equal(sum(shares), cost);
        for (const party of PARTIES) {
          assert.ok(Math.abs(shares[party] - (cost * RESIDENTIAL[party]) / 6) < 1, `${party} of ${cost}`);
        }
        // Equal weights get equal shares but for the tie-break: city ≥ gas company, district ≥ resident.
        assert.ok(shares.cityFinance - shares.gasCompany >= 0 && shares.cityFinance - shares.gasCompany <= 1);
        assert.ok(
          shares.districtFinance - shares.resident >= 0 && shares.districtFinance - shares.resident <= 1,
        );
      }),
      { numRuns: 2_000 },
    );
  });

  it('any prices, items and lengths: every line and the totals sum exactly to the cost', function () {
    const price = fc.integer({ min: 1, max: 5_000_00 });
    fc.assert(
      fc.property(
        fc.constantFrom<SettlementUserType>(
          'residential-pipeline',
          'residential-lpg',
          'non-residential-pipeline',
          'non-residential-lpg',
        ),
        fc.boolean(),
        fc.option(fc.integer({ min: 1, max: 200 }), { nil: undefined }),
        fc.record({ valve: price, hose: price, hoseExtraPerMetre: price, alarm: price, shutoffValve: price }),
        (userType, wantsValve, decimetres, prices) => {
          const residential = userType.startsWith('residential');
          const items: RetrofitItems = {
            valve: userType === 'residential-pipeline' && wantsValve,
            hoseLengthM: decimetres === undefined ? undefined : decimetres / 10,
          };
          if (!residential && items.hoseLengthM === undefined) items.hoseLengthM = 2;
          if (residential && !items.valve && items.hoseLengthM === undefined) items.hoseLengthM = 3;
          const settlement = computeSettlement(userType, items, prices);
          for (const l of settlement.lines) assert.equal(sum(l.shares), l.costFen);
          assert.equal(sum(settlement.totals), settlement.totalFen);
          if (!residential) assert.equal(settlement.totals.resident, settlement.totalFen);
          for (const party of PARTIES)
            assert.ok(Number.isSafeInteger(settlement.totals[party]) && settlement.totals[party] >= 0);
        },
      ),
      { numRuns: 2_000 },
    );
  });

  const userTypes = fc.constantFrom<SettlementUserType>(
    'residential-pipeline',
    'residential-lpg',
    'non-residential-pipeline',
    'non-residential-lpg',
  );
  const anyPrices = fc.record({
    valve: fc.integer({ min: 1, max: 5_000_00 }),
    hose: fc.integer({ min: 1, max: 5_000_00 }),
    hoseExtraPerMetre: fc.integer({ min: 1, max: 5_000_00 }),
    alarm: fc.integer({ min: 1, max: 5_000_00 }),
    shutoffValve: fc.integer({ min: 1, max: 5_000_00 }),
  });
  /** Items the user type may get: a valve only on pipeline homes; a hose always where it is mandatory. */
  const itemsFor = (
    userType: SettlementUserType,
    wantsValve: boolean,
    decimetres: number,
  ): RetrofitItems => ({
    valve: userType === 'residential-pipeline' && wantsValve,
    hoseLengthM: decimetres / 10,
  });

  it('the total is the prices times the quantities: fitted items, plus the hose beyond 3 m pro rata', function () {
    fc.assert(
      fc.property(
        userTypes,
        fc.boolean(),
        fc.integer({ min: 1, max: 200 }),
        anyPrices,
        (userType, v, dm, prices) => {
          const items = itemsFor(userType, v, dm);
          const excessDm = Math.max(0, dm - 30);
          // Independent of the code under test: half a fen and up rounds up.
          const excessFen = Math.round((prices.hoseExtraPerMetre * excessDm) / 10 + 1e-9);
          const expected =
            (userType.startsWith('non-residential') ? prices.alarm + prices.shutoffValve : 0) +
            (items.valve ? prices.valve : 0) +
            prices.hose +
            excessFen;
          assert.equal(computeSettlement(userType, items, prices).totalFen, expected);
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it('residential totals keep the 2:1:2:1 split within one fen per line; the hose excess is the resident’s alone', function () {
    fc.assert(
      fc.property(
        fc.constantFrom<SettlementUserType>('residential-pipeline', 'residential-lpg'),
        fc.boolean(),
        fc.integer({ min: 1, max: 200 }),
        anyPrices,
        (userType, v, dm, prices) => {
          const items = itemsFor(userType, v, dm);
          const settlement = computeSettlement(userType, items, prices);
          const excessFen = settlement.lines.find((l) => l.item === 'hose-extra')?.costFen ?? 0;
          const shared = settlement.totalFen - excessFen;
          const sharedLines = settlement.lines.filter((l) => l.item !== 'hose-extra').length;
          for (const party of PARTIES) {
            const exact = (shared * RESIDENTIAL[party]) / 6 + (party === 'resident' ? excessFen : 0);
            assert.ok(
              Math.abs(settlement.totals[party] - exact) < sharedLines,
              `${party}: ${settlement.totals[party]} vs exact ${exact}`,
            );
          }
          // The public payers' and the gas company's shares are what they would be with a hose of 3 m or less.
          if (dm > 30) {
            const within = computeSettlement(userType, itemsFor(userType, v, 30), prices);
            for (const party of ['cityFinance', 'districtFinance', 'gasCompany'] as const)
              assert.equal(settlement.totals[party], within.totals[party], party);
            assert.equal(settlement.totals.resident, within.totals.resident + excessFen);
          }
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it('non-residential users pay every line in full; no public payer or gas company share', function () {
    fc.assert(
      fc.property(
        fc.constantFrom<SettlementUserType>('non-residential-pipeline', 'non-residential-lpg'),
        fc.integer({ min: 1, max: 200 }),
        anyPrices,
        (userType, dm, prices) => {
          for (const line of computeSettlement(userType, itemsFor(userType, false, dm), prices).lines) {
            assert.deepEqual(line.shares, {
              cityFinance: 0,
              districtFinance: 0,
              gasCompany: 0,
              resident: line.costFen,
            });
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('left-over fen go to the largest remainders; ties in the order city, gas company, district, resident', function () {
    const cases: Array<[string, Record<(typeof PARTIES)[number], number>, number, Record<string, number>]> = [
      // Remainders 2,1,2,1 of 6: the one fen left goes to city finance before the gas company.
      [
        'city before gas company',
        RESIDENTIAL,
        1,
        { cityFinance: 1, districtFinance: 0, gasCompany: 0, resident: 0 },
      ],
      // Remainders 4,2,4,2: two fen left, city then the gas company.
      [
        'gas company next',
        RESIDENTIAL,
        2,
        { cityFinance: 1, districtFinance: 0, gasCompany: 1, resident: 0 },
      ],
      // Remainders 0,3,0,3: district finance before the resident.
      [
        'district before resident',
        RESIDENTIAL,
        3,
        { cityFinance: 1, districtFinance: 1, gasCompany: 1, resident: 0 },
      ],
      // Remainders 4,5,4,5: largest first (district, resident), then the tie of 4 to city.
      [
        'largest remainder first',
        RESIDENTIAL,
        5,
        { cityFinance: 2, districtFinance: 1, gasCompany: 1, resident: 1 },
      ],
      // Equal weights of 2 for city, district, gas company: city, then the gas company before district.
      [
        'gas company before district',
        { cityFinance: 2, districtFinance: 2, gasCompany: 2, resident: 0 },
        2,
        { cityFinance: 1, districtFinance: 0, gasCompany: 1, resident: 0 },
      ],
      // Equal weights of 3 for district and resident: district first.
      [
        'district before resident, on equal weights',
        { cityFinance: 0, districtFinance: 3, gasCompany: 0, resident: 3 },
        1,
        { cityFinance: 0, districtFinance: 1, gasCompany: 0, resident: 0 },
      ],
      // Equal weights of 3 for city and resident: the public payer absorbs the rounding.
      [
        'city before resident',
        { cityFinance: 3, districtFinance: 0, gasCompany: 0, resident: 3 },
        1,
        { cityFinance: 1, districtFinance: 0, gasCompany: 0, resident: 0 },
      ],
    ];
    for (const [label, weights, cost, expected] of cases) {
      assert.deepEqual(splitBySixths(cost, weights), expected, label);
    }
  });

  it('tender prices replace the estimate item by item, and the basis says so', function () {
    assert.equal(resolvePriceBasis({}, null).basis, 'estimate');
    const mixed = resolvePriceBasis({ valve: 9_900 }, 'ZZ-2026-017');
    assert.equal(mixed.basis, 'mixed');
    assert.equal(mixed.prices.valve, 9_900);
    assert.equal(mixed.prices.hose, ESTIMATE_PRICES.hose);
    const tender = resolvePriceBasis({ valve: 9_900, hose: 10_500, hoseExtraPerMetre: 3_000 }, 'ZZ-2026-017');
    assert.equal(tender.basis, 'tender');
  });
});
