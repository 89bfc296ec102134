import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  DISTRICT_CODES,
  gasRetrofitHouseholdWorkflowId,
  parseGasRetrofitHouseholdWorkflowId,
} from '../../workflows/definitions';

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
