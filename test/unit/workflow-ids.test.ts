import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DISTRICT_CODES } from '../../workflows/definitions';
import {
  gasRetrofitHouseholdWorkflowId,
  parseGasRetrofitHouseholdWorkflowId,
} from '../../processes/gas-retrofit/workflow/contract';
import {
  childcareApplicationWorkflowId,
  parseChildcareApplicationWorkflowId,
} from '../../processes/childcare/workflow/contract';

const accountRef = fc.stringMatching(/^[A-Z0-9][A-Z0-9-]{3,31}$/);

describe('gas-retrofit case IDs', function () {
  it('round-trip district and account reference', function () {
    fc.assert(
      fc.property(fc.constantFrom(...DISTRICT_CODES), accountRef, (district, ref) => {
        const parsed = parseGasRetrofitHouseholdWorkflowId(gasRetrofitHouseholdWorkflowId(district, ref));
        assert.deepEqual(parsed, { district, accountRef: ref });
      }),
    );
  });

  it('reject anything that is not a household case ID', function () {
    for (const id of [
      '',
      'gas-retrofit:jinshui',
      'gas-retrofit:nowhere:JS-000001',
      'petition:jinshui:JS-000001',
      'gas-retrofit:jinshui:js-lower',
      'gas-retrofit:jinshui:JS-000001:extra',
    ]) {
      assert.equal(parseGasRetrofitHouseholdWorkflowId(id), undefined, id);
    }
  });
});

describe('childcare application IDs', function () {
  const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  it('round-trip district, credit code and site key', function () {
    fc.assert(
      fc.property(
        fc.constantFrom(...DISTRICT_CODES),
        fc.array(fc.constantFrom(...ALPHABET), { minLength: 18, maxLength: 18 }).map((c) => c.join('')),
        fc.stringMatching(/^[0-9a-f]{12}$/),
        (district, creditCode, siteKey) => {
          const id = childcareApplicationWorkflowId(district, creditCode, siteKey);
          assert.deepEqual(parseChildcareApplicationWorkflowId(id), { district, creditCode, siteKey });
        },
      ),
    );
  });

  it('reject anything that is not an application ID', function () {
    for (const id of [
      'childcare:jinshui:91350100M000100Y43',
      'childcare:jinshui:91350100M000100Y43-ABCDEF012345',
      'childcare:nowhere:91350100M000100Y43-0123456789ab',
      'gas-retrofit:jinshui:91350100M000100Y43-0123456789ab',
      'childcare:jinshui:91350100M000100Y43-0123456789ab:x',
    ]) {
      assert.equal(parseChildcareApplicationWorkflowId(id), undefined, id);
    }
  });
});
