import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import fc from 'fast-check';
import { nationalIdProblem } from '../../api/personal-data/national-id';
import { createLogger } from '../../platform/logging/logger';
import {
  maskAddress,
  maskContact,
  maskIdNumber,
  maskName,
  maskPhone,
} from '../../platform/personal-data/masking';

describe('personal data: masking and identity card numbers', function () {
  it('masks as the city publishes them', function () {
    assert.equal(maskIdNumber('41010519900307123X'), '410105********123X');
    assert.equal(maskPhone('13812345678'), '138****5678');
    assert.equal(maskName('王小明'), '王**');
    assert.equal(maskAddress('金水区保密路77号'), '金水区****');
  });

  it('a masked contact keeps only the ends of a phone or ID number', function () {
    fc.assert(
      fc.property(fc.stringMatching(/^1[3-9]\d{9}$/), (phone) => {
        const masked = maskContact({
          name: '李四',
          phone,
          address: '二七区某路1号',
          idNumber: '41010519900307123X',
        });
        assert.equal(masked.phone, `${phone.slice(0, 3)}****${phone.slice(7)}`);
        assert.ok(!masked.idNumber!.includes('19900307'));
      }),
    );
  });

  it('accepts valid identity card numbers and names the broken rule otherwise', function () {
    assert.equal(nationalIdProblem('41010519900307123X'), undefined);
    assert.equal(nationalIdProblem('11010519491231002X'), undefined);
    assert.equal(nationalIdProblem('410102200002294569'), undefined, 'a 29 February in a leap year');
    assert.equal(nationalIdProblem('410105199003071230'), 'check-digit');
    assert.equal(nationalIdProblem('410105199002301238'), 'birth-date', '30 February');
    assert.equal(
      nationalIdProblem('410105209903071238', new Date('2026-11-30')),
      'birth-date',
      'born in 2099',
    );
    assert.equal(nationalIdProblem('010105199003071231'), 'region');
    assert.equal(nationalIdProblem('4101051990030712'), 'format');
    assert.equal(
      nationalIdProblem('41010519900307123x'),
      'format',
      'upper-case X only (the schema upper-cases)',
    );
  });

  it('logs mask contact data that reaches them, and drop tokens', function () {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const logger = createLogger('info', 'test', sink);
    logger.info(
      { contact: { name: '王小明', phone: '13812345678', address: '金水区保密路77号' }, token: 'eyJsecret' },
      'slipped',
    );
    logger.info({ request: { phone: '13812345678', idNumber: '41010519900307123X' } }, 'nested');
    const text = lines.join('');
    for (const secret of ['王小明', '13812345678', '保密路', 'eyJsecret', '19900307']) {
      assert.ok(!text.includes(secret), `log shows ${secret.length} characters it must not`);
    }
    assert.match(text, /138\*\*\*\*5678/);
    assert.match(text, /410105\*\*\*\*\*\*\*\*123X/);
  });
});
