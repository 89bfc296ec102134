import assert from 'node:assert/strict';
import os from 'node:os';
import type { Adapters } from '../../activities/adapters';
import {
  FAULTY_ATTEMPTS,
  HANG_MS,
  InjectedFault,
  injectFault,
} from '../../activities/adapters/fault-injection';
import { parseFault } from '../../platform/fault-spec';
import type { LedgerBooking } from '../../activities/adapters/ledger/port';
import { InMemoryLedger } from '../../activities/adapters/ledger/in-memory';

const booking: LedgerBooking = {
  idempotencyKey: 'case-1:settlement:cityFinance',
  caseId: 'case-1',
  district: 'jinshui',
  amountFen: 8_000,
  reference: 'test',
};

/** City finance's system is a ledger only: the port a top-level-only wrapper would miss. */
function cityFinanceOnly(ledger: InMemoryLedger): Adapters {
  return { cityFinance: { ledger } } as unknown as Adapters;
}

describe('fault injection (test-only hook)', function () {
  it('a hanging ledger booking commits first, then waits past the activity timeout', async function () {
    const ledger = new InMemoryLedger();
    const waits: number[] = [];
    const faulty = injectFault(cityFinanceOnly(ledger), parseFault('hang:1:cityFinance'), os.tmpdir(), {
      random: () => 0,
      attempt: () => 1,
      sleep: (ms) => {
        waits.push(ms);
        // The booking is already in the ledger when the call starts to hang.
        assert.equal(ledger.entries.size, 1);
        return Promise.resolve();
      },
    });
    const entry = await faulty.cityFinance.ledger.book(booking);
    assert.equal(entry.amountFen, 8_000);
    assert.deepEqual(waits, [HANG_MS]);
    assert.ok(HANG_MS > 30_000, 'longer than a department call may take');
  });

  it('a flaky ledger fails before the database or after it has committed', async function () {
    for (const [roll, committed] of [
      [0.1, 0],
      [0.2, 1],
    ] as const) {
      const ledger = new InMemoryLedger();
      const faulty = injectFault(cityFinanceOnly(ledger), parseFault('flaky:0.3'), os.tmpdir(), {
        random: () => roll,
        attempt: () => FAULTY_ATTEMPTS,
        sleep: () => Promise.reject(new Error('a flaky call never hangs')),
      });
      await assert.rejects(faulty.cityFinance.ledger.book(booking), InjectedFault);
      assert.equal(ledger.entries.size, committed);
    }
  });

  it('calls that roll above the rate pass through untouched', async function () {
    const ledger = new InMemoryLedger();
    const faulty = injectFault(cityFinanceOnly(ledger), parseFault('hang:0.3'), os.tmpdir(), {
      random: () => 0.9,
      attempt: () => 1,
      sleep: () => Promise.reject(new Error('must not hang')),
    });
    await faulty.cityFinance.ledger.book(booking);
    assert.equal(ledger.entries.size, 1);
  });

  it('an activity past its faulty attempts is spared, as an outage passes', async function () {
    for (const fault of ['flaky:1', 'hang:1']) {
      const ledger = new InMemoryLedger();
      const faulty = injectFault(cityFinanceOnly(ledger), parseFault(fault), os.tmpdir(), {
        random: () => 0,
        attempt: () => FAULTY_ATTEMPTS + 1,
        sleep: () => Promise.reject(new Error('must not hang')),
      });
      await faulty.cityFinance.ledger.book(booking);
      assert.equal(ledger.entries.size, 1, fault);
    }
  });

  it('the kill follows city finance’s first booking unless another department’s ledger, or a later booking, is named', function () {
    assert.deepEqual(parseFault('kill-after-commit'), {
      kind: 'kill-after-commit',
      ledger: 'cityFinance',
      nth: 1,
    });
    assert.deepEqual(parseFault('kill-after-commit:districtFinance:2'), {
      kind: 'kill-after-commit',
      ledger: 'districtFinance',
      nth: 2,
    });
    assert.throws(
      () => parseFault('kill-after-commit:gasCompany'),
      /must name one of cityFinance, districtFinance/,
    );
  });

  it('a kill after a named call counts the calls, and an adapter the worker lacks is named', function () {
    assert.deepEqual(parseFault('kill-after-call:taskBoard.upsertHumanTask:3'), {
      kind: 'kill-after-call',
      adapter: 'taskBoard',
      method: 'upsertHumanTask',
      nth: 3,
    });
    assert.equal((parseFault('kill-after-call:taskBoard.closeHumanTask') as { nth: number }).nth, 1);
    assert.throws(
      () => parseFault('kill-after-call:taskBoard.upsertHumanTask:0'),
      /must be kill-after-commit/,
    );
    const ledger = new InMemoryLedger();
    assert.throws(
      () =>
        injectFault(cityFinanceOnly(ledger), parseFault('kill-after-call:taskBoard.nothing'), os.tmpdir()),
      /the adapters have no taskBoard\.nothing/,
    );
  });
});
