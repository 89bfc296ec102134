import assert from 'node:assert/strict';
import { IdempotencyConflictError } from '../../activities/adapters/ledger/port';
import { PostgresLedger } from '../../activities/adapters/ledger/postgres';
import type { Db } from '../../activities/db/connection';
import { openTestDb, uniqueAccountRef } from '../helpers/database';

describe('department ledgers (PostgreSQL)', function () {
  let db: Db;
  let ledger: PostgresLedger;
  before(function () {
    db = openTestDb();
    ledger = new PostgresLedger(db, 'city_finance.ledger');
  });
  after(() => db.destroy());

  const booking = (caseId: string, amountFen = 8_000) => ({
    idempotencyKey: `${caseId}:settlement:cityFinance`,
    caseId,
    district: 'jinshui',
    amountFen,
    reference: 'test',
  });

  it('books once per idempotency key, even when retried concurrently', async function () {
    const caseId = uniqueAccountRef('CASE');
    const entries = await Promise.all(Array.from({ length: 6 }, () => ledger.book(booking(caseId))));
    assert.equal(new Set(entries.map((e) => e.entryId)).size, 1);
    assert.equal((await ledger.entriesFor(caseId)).length, 1);
  });

  it('stamps each entry with the time it was booked, not the time the table was made', async function () {
    const databaseNow = async () =>
      (await db.raw<{ rows: Array<{ now: Date }> }>('SELECT now()')).rows[0]!.now;
    const before = await databaseNow();
    const entry = await ledger.book(booking(uniqueAccountRef('CASE')));
    const after = await databaseNow();
    const bookedAt = new Date(entry.bookedAt);
    assert.ok(bookedAt >= before && bookedAt <= after, `${entry.bookedAt} is outside the booking`);
  });

  it('refuses the same key for a different amount', async function () {
    const caseId = uniqueAccountRef('CASE');
    await ledger.book(booking(caseId));
    await assert.rejects(ledger.book(booking(caseId, 9_000)), IdempotencyConflictError);
  });

  it('reverses a booking once, with a negative entry; nothing to reverse is not an error', async function () {
    const caseId = uniqueAccountRef('CASE');
    await ledger.book(booking(caseId));
    const reversal = {
      idempotencyKey: `${caseId}:reversal`,
      reverses: `${caseId}:settlement:cityFinance`,
      reference: 'r',
    };
    await ledger.reverse(reversal);
    await ledger.reverse(reversal);
    const entries = await ledger.entriesFor(caseId);
    assert.deepEqual(
      entries.map((e) => e.amountFen),
      [8_000, -8_000],
    );
    assert.equal(await ledger.reverse({ ...reversal, reverses: 'nothing-booked' }), undefined);
  });

  it('the database refuses non-positive bookings and a second reversal of the same entry', async function () {
    const caseId = uniqueAccountRef('CASE');
    await assert.rejects(
      db('city_finance.ledger').insert({
        idempotency_key: `${caseId}:z`,
        case_id: caseId,
        district: 'jinshui',
        amount_fen: 0,
        entry: 'booking',
        reference: 'x',
      }),
      /city_ledger_sign_matches_entry/,
    );
    const entry = await ledger.book(booking(caseId));
    await ledger.reverse({ idempotencyKey: `${caseId}:r1`, reverses: entry.idempotencyKey, reference: 'r' });
    await assert.rejects(
      ledger.reverse({ idempotencyKey: `${caseId}:r2`, reverses: entry.idempotencyKey, reference: 'r' }),
      /duplicate key value violates unique constraint/,
    );
  });
});
