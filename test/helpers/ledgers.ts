/**
 * The fault suites' independent oracle: each case's rows in the four payment ledgers, checked against shares
 * computed by hand for the test's fixed prices — not against the settlement code that reconcile re-runs.
 */
import assert from 'node:assert/strict';
import type { Db } from '../../activities/db/connection';
import { GAS_RETROFIT_LEDGERS } from '../../processes/gas-retrofit/workflow/audit-profile';
import { PARTIES, type Party } from '../../processes/gas-retrofit/workflow/settlement';

/** ¥240 at the estimate (valve ¥120 + hose ≤ 3 m ¥120): ¥80 city, ¥40 district, ¥80 gas company, ¥40 resident. */
export const ESTIMATE_VALVE_AND_HOSE_SHARES: Readonly<Record<Party, number>> = {
  cityFinance: 8_000,
  districtFinance: 4_000,
  gasCompany: 8_000,
  resident: 4_000,
};

export async function ledgerRows(db: Db, caseId: string): Promise<Record<Party, number[]>> {
  return Object.fromEntries(
    await Promise.all(
      PARTIES.map(async (party) => [
        party,
        (
          await db(GAS_RETROFIT_LEDGERS[party]).where({ case_id: caseId }).orderBy('id').select('amount_fen')
        ).map((r: { amount_fen: string }) => Number(r.amount_fen)),
      ]),
    ),
  ) as Record<Party, number[]>;
}

/** Each case has exactly one row per party, of exactly the expected amount. */
export async function assertPaidOnce(
  db: Db,
  caseIds: readonly string[],
  shares: Readonly<Record<Party, number>> = ESTIMATE_VALVE_AND_HOSE_SHARES,
): Promise<void> {
  const expected = Object.fromEntries(PARTIES.map((party) => [party, [shares[party]]]));
  for (const caseId of caseIds) assert.deepEqual(await ledgerRows(db, caseId), expected, caseId);
}
