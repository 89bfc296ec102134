import assert from 'node:assert/strict';
import { personalDataInKey } from '../../api/personal-data/business-key';

describe('business keys that would put personal data in a workflow ID', function () {
  it('finds a mainland mobile number or a valid national ID number anywhere in the key', function () {
    assert.equal(personalDataInKey('13912345678'), 'mobile-number');
    assert.equal(personalDataInKey('APP-13912345678-1'), 'mobile-number');
    assert.equal(personalDataInKey('11010519491231002X'), 'national-id');
    assert.equal(personalDataInKey('REF-11010519491231002X'), 'national-id');
  });

  it('passes account numbers, references, and numbers that only look like them', function () {
    for (const key of [
      'JS-000001',
      'WIN-0003',
      '12912345678', // no mobile network starts 12
      '139123456789', // twelve digits
      '110105194912310021', // an ID number's shape with a wrong check character
      '110105209912310027', // a birth date in the future
    ]) {
      assert.equal(personalDataInKey(key), undefined, key);
    }
  });
});
