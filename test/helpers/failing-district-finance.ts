/** District finance whose ledger refuses the next bookings a test asks for, as a department system that is down. */
import type { Adapters } from '../../activities/adapters';
import type { LedgerPort } from '../../activities/adapters/ledger/port';

export interface BookingFailures {
  /** How many of the next bookings fail. */
  left: number;
}

function failing(ledger: LedgerPort, failures: BookingFailures): LedgerPort {
  return {
    book: (booking) => {
      if (failures.left > 0) {
        failures.left -= 1;
        return Promise.reject(new Error('district finance system unavailable'));
      }
      return ledger.book(booking);
    },
    reverse: (reversal) => ledger.reverse(reversal),
    entriesFor: (caseId) => ledger.entriesFor(caseId),
  };
}

export function withFailingDistrictFinance(real: Adapters, failures: BookingFailures): Adapters {
  return {
    ...real,
    districtFinance: {
      currentTenderPrices: (district) => real.districtFinance.currentTenderPrices(district),
      setTenderPrices: (request) => real.districtFinance.setTenderPrices(request),
      ledger: failing(real.districtFinance.ledger, failures),
    },
  };
}
