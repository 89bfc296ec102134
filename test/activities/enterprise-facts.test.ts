import assert from 'node:assert/strict';
import { createPostgresAdapters } from '../../activities/adapters';
import type { Db } from '../../activities/db/connection';
import { gatherFacts, wholeYearsBetween } from '../../processes/policy-payout/activities/enterprise-facts';
import { exampleCreditCode, registerEnterprise } from '../../processes/policy-payout/demo-enterprises';
import { openTestDb } from '../helpers/database';

describe('enterprise facts from the departments that hold them (PostgreSQL)', function () {
  let db: Db;
  before(() => (db = openTestDb()));
  after(() => db.destroy());

  it('asks market regulation, tax, science and technology, IP and human resources, each for its own facts', async function () {
    const adapters = createPostgresAdapters(db);
    const serial = 9_000_000 + Math.floor(Math.random() * 900_000);
    const full = await registerEnterprise(
      adapters,
      {
        serial,
        name: '郑州某精密制造有限公司',
        district: 'gaoxin',
        industry: 'C39',
        registeredOn: '2014-12-08',
        tax: { grade: 'A', paidFen: 80_000_000 },
        highTech: true,
        rdSpendFen: 300_000_000,
        patents: { inForce: 4, convertedLastYear: 2 },
        insured: 120,
      },
      2026,
    );
    const bare = await registerEnterprise(
      adapters,
      {
        serial: serial + 1,
        name: '郑州某新设商贸有限公司',
        district: 'gaoxin',
        industry: 'F51',
        registeredOn: '2026-03-01',
      },
      2026,
    );
    const facts = await gatherFacts(adapters, [full, bare, 'not-registered'], '2026-12-07');
    assert.deepEqual(facts.get(full), {
      market: { status: 'active', industry: 'C39', district: 'gaoxin', yearsRegistered: 11 },
      tax: { creditGrade: 'A', paidLastYearFen: 80_000_000 },
      science: { highTech: true, rdSpendLastYearFen: 300_000_000 },
      ip: { patentsInForce: 4, patentsConvertedLastYear: 2 },
      hr: { insuredEmployees: 120 },
    });
    assert.deepEqual(facts.get(bare), {
      market: { status: 'active', industry: 'F51', district: 'gaoxin', yearsRegistered: 0 },
      tax: { creditGrade: null, paidLastYearFen: null },
      science: { highTech: false, rdSpendLastYearFen: null },
      ip: { patentsInForce: 0, patentsConvertedLastYear: 0 },
      hr: { insuredEmployees: null },
    });
    assert.equal(facts.has('not-registered'), false);
  });

  it('郑好办 sends a message to an enterprise once per key, however often it is asked', async function () {
    const { zhenghaoban } = createPostgresAdapters(db);
    const recipient = exampleCreditCode(8_000_000 + Math.floor(Math.random() * 900_000));
    const message = {
      idempotencyKey: `${recipient}:told`,
      recipientCreditCode: recipient,
      template: 'policy-found',
      params: { policy: 'p' },
    };
    const [a, b] = await Promise.all([zhenghaoban.send(message), zhenghaoban.send(message)]);
    assert.equal(a.messageId, b.messageId);
    assert.equal((await zhenghaoban.messagesTo(recipient)).length, 1);
  });

  it('counts whole years as an anniversary does', () => {
    assert.equal(wholeYearsBetween('2020-12-08', '2026-12-07'), 5);
    assert.equal(wholeYearsBetween('2020-12-07', '2026-12-07'), 6);
    assert.equal(wholeYearsBetween('2024-02-29', '2026-02-28'), 1);
  });
});
