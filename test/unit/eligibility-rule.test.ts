import assert from 'node:assert/strict';
import { InMemoryGasCompany } from '../../activities/adapters/gas-company/in-memory';
import { decideEligibility, type GasAccount } from '../../activities/adapters/gas-company/port';

const account: GasAccount = {
  accountRef: 'JS-000001',
  district: 'jinshui',
  userType: 'residential-pipeline',
  status: 'active',
};
const request = { district: 'jinshui', userType: 'residential-pipeline' } as const;

describe("the gas company's eligibility rule", function () {
  it('admits an active account in the right district with the stated user type', function () {
    assert.deepEqual(decideEligibility(request, account), { outcome: 'eligible' });
  });

  it('names the first reason an account is refused', function () {
    assert.deepEqual(decideEligibility(request, undefined), {
      outcome: 'ineligible',
      reason: 'account-not-found',
    });
    assert.deepEqual(decideEligibility(request, { ...account, status: 'closed', district: 'erqi' }), {
      outcome: 'ineligible',
      reason: 'account-closed',
    });
    assert.deepEqual(decideEligibility(request, { ...account, district: 'erqi' }), {
      outcome: 'ineligible',
      reason: 'district-mismatch',
    });
    assert.deepEqual(decideEligibility(request, { ...account, userType: 'residential-lpg' }), {
      outcome: 'ineligible',
      reason: 'user-type-mismatch',
    });
  });

  it('gives one answer per idempotency key (in-memory adapter)', async function () {
    const gasCompany = new InMemoryGasCompany();
    await gasCompany.upsertAccounts([account]);
    const ask = { idempotencyKey: 'k1', caseId: 'c1', accountRef: 'JS-000001', ...request };
    const first = await gasCompany.checkEligibility(ask);
    await gasCompany.upsertAccounts([{ ...account, status: 'closed' }]);
    assert.deepEqual(await gasCompany.checkEligibility(ask), first);
    assert.equal(gasCompany.checks.size, 1);
  });
});
