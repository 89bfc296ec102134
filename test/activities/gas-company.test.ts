import assert from 'node:assert/strict';
import { PostgresGasCompany } from '../../activities/adapters/gas-company/postgres';
import type { Db } from '../../activities/db/connection';
import { openTestDb, uniqueAccountRef } from '../helpers/database';

describe('gas company adapter (PostgreSQL)', function () {
  let db: Db;
  let gasCompany: PostgresGasCompany;

  before(function () {
    db = openTestDb();
    gasCompany = new PostgresGasCompany(db);
  });
  after(() => db.destroy());

  async function account(status: 'active' | 'closed' = 'active') {
    const accountRef = uniqueAccountRef('JS');
    await gasCompany.upsertAccounts([
      { accountRef, district: 'jinshui', userType: 'residential-pipeline', status },
    ]);
    return accountRef;
  }

  const ask = (accountRef: string, idempotencyKey = `case-${accountRef}:eligibility`) => ({
    idempotencyKey,
    caseId: `case-${accountRef}`,
    district: 'jinshui' as const,
    accountRef,
    userType: 'residential-pipeline' as const,
  });

  it('refuses work the process found not to fit the user type, and records why', async function () {
    const accountRef = uniqueAccountRef('JS');
    await gasCompany.upsertAccounts([
      { accountRef, district: 'jinshui', userType: 'new-build-residential', status: 'active' },
    ]);
    const request = { ...ask(accountRef), userType: 'new-build-residential' as const };
    const refused = await gasCompany.checkEligibility({
      ...request,
      itemsFit: false,
    });
    assert.deepEqual(
      [refused.outcome, refused.outcome === 'ineligible' && refused.reason],
      ['ineligible', 'items-not-fit'],
    );
    const [row] = await db('gas_company.eligibility_checks').where({ account_ref: accountRef });
    assert.equal(row.reason, 'items-not-fit');
    const fitting = await gasCompany.checkEligibility({
      ...request,
      idempotencyKey: `${request.idempotencyKey}:2`,
      itemsFit: true,
    });
    assert.equal(fitting.outcome, 'eligible');
  });

  it('records one eligibility answer and returns it', async function () {
    const accountRef = await account();
    const decision = await gasCompany.checkEligibility(ask(accountRef));
    assert.equal(decision.outcome, 'eligible');
    const rows = await db('gas_company.eligibility_checks').where({ account_ref: accountRef });
    assert.equal(rows.length, 1);
    assert.equal(rows[0].outcome, 'eligible');
  });

  it('a retried request gets the first answer, even if the account changed in between', async function () {
    const accountRef = await account();
    const first = await gasCompany.checkEligibility(ask(accountRef));
    await gasCompany.upsertAccounts([
      { accountRef, district: 'jinshui', userType: 'residential-pipeline', status: 'closed' },
    ]);
    const again = await gasCompany.checkEligibility(ask(accountRef));
    assert.deepEqual(again, first);
    assert.equal((await db('gas_company.eligibility_checks').where({ account_ref: accountRef })).length, 1);
  });

  it('concurrent duplicates book exactly one row', async function () {
    const accountRef = await account();
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => gasCompany.checkEligibility(ask(accountRef))),
    );
    assert.equal(new Set(answers.map((a) => a.checkId)).size, 1);
    assert.equal((await db('gas_company.eligibility_checks').where({ account_ref: accountRef })).length, 1);
  });

  it('the database itself refuses a second row with the same idempotency key', async function () {
    const accountRef = await account();
    await gasCompany.checkEligibility(ask(accountRef));
    await assert.rejects(
      db('gas_company.eligibility_checks').insert({
        idempotency_key: `case-${accountRef}:eligibility`,
        case_id: 'x',
        account_ref: accountRef,
        outcome: 'eligible',
      }),
      /duplicate key value violates unique constraint/,
    );
  });

  it('the database refuses an ineligible answer without a known reason', async function () {
    await assert.rejects(
      db('gas_company.eligibility_checks').insert({
        idempotency_key: uniqueAccountRef('K'),
        case_id: 'x',
        account_ref: 'x',
        outcome: 'ineligible',
        reason: 'felt-like-it',
      }),
      /eligibility_reason_matches_outcome/,
    );
  });
});
