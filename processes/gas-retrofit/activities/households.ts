import { ApplicationFailure } from '@temporalio/common';
import { type District } from '../../../workflows/definitions';
import { ACTIVITY_FAILURES, type EligibilityDecision, type GasUserType } from '../workflow/contract';
import {
  computeSettlement,
  itemsProblem,
  pricesNeeded,
  resolvePriceBasis,
  SettlementRuleError,
  tenderPriceBasis,
  type Party,
  type PriceBasis,
  type ResidentialUserType,
  type RetrofitItems,
  type Settlement,
  type TenderPricing,
} from '../workflow/settlement';
import type { Adapters } from '../../../activities/adapters';
import type { EligibilityRequest } from '../../../activities/adapters/gas-company/port';
import {
  NoInstallerCapacityError,
  type Booking,
  type BookSlotRequest,
  type CompletionReport,
} from '../../../activities/adapters/installer/port';
import type { AcceptanceRecord } from '../../../activities/adapters/gas-company/port';
import type { LedgerEntry, LedgerPort } from '../../../activities/adapters/ledger/port';
import type { createCampaignActivities } from './campaign';
import type { CarryingCaseProgress } from '../../../activities/case-progress';

interface ShareBooking {
  caseId: string;
  district: District;
  party: Party;
  amountFen: number;
  idempotencyKey: string;
}

interface ShareReversal {
  party: Party;
  idempotencyKey: string;
  reverses: string;
}

/** Which department's ledger books each party's share; the resident's share is the gas company's receivable. */
function ledgerOf(adapters: Adapters, party: Party): LedgerPort {
  switch (party) {
    case 'cityFinance':
      return adapters.cityFinance.ledger;
    case 'districtFinance':
      return adapters.districtFinance.ledger;
    case 'gasCompany':
      return adapters.gasCompany.ledger;
    case 'resident':
      return adapters.gasCompany.receivables;
  }
}

/** The installer's booking system: slots, their release, and what was fitted. */
function installerActivities(adapters: Adapters) {
  return {
    /** Books the earliest free installer slot in the district. No capacity is retried: slots free up daily. */
    async bookInstallationSlot(request: BookSlotRequest): Promise<Booking> {
      try {
        return await adapters.installer.bookSlot(request);
      } catch (error) {
        if (error instanceof NoInstallerCapacityError) {
          throw ApplicationFailure.retryable(error.message, ACTIVITY_FAILURES.noInstallerCapacity);
        }
        throw error;
      }
    },

    async endInstallationBooking(request: {
      bookingId: string;
      status: 'released' | 'missed';
    }): Promise<void> {
      await adapters.installer.endBooking(request.bookingId, request.status);
    },

    async releaseBookingAttempt(request: { idempotencyKey: string }): Promise<void> {
      await adapters.installer.releaseByKey(request.idempotencyKey);
    },

    async recordInstallationCompletion(report: CompletionReport): Promise<void> {
      await adapters.installer.recordCompletion(report);
    },
  };
}

/** District finance's tender prices, and the four-party split they give. */
function pricingActivities(adapters: Adapters) {
  return {
    /**
     * The final settlement at the district's tender prices (最终以招标价格结算), split between the four parties;
     * or, where the district has no tender price yet for an item the case needs, which ones it waits for. Its
     * priced result in history is the case's price for good.
     */
    async priceAtTenderPrices(request: {
      district: District;
      userType: ResidentialUserType;
      items: RetrofitItems;
    }): Promise<TenderPricing> {
      try {
        const tender = await adapters.districtFinance.currentTenderPrices(request.district);
        const missing = pricesNeeded(request.items).filter((item) => tender.prices[item] === undefined);
        if (missing.length > 0) return { outcome: 'awaiting-tender-price', missing };
        const priceBasis = tenderPriceBasis(tender.prices, tender.tenderRef);
        return {
          outcome: 'priced',
          priceBasis,
          settlement: computeSettlement(request.userType, request.items, priceBasis.prices),
        };
      } catch (error) {
        if (error instanceof SettlementRuleError) {
          throw ApplicationFailure.nonRetryable(error.message, ACTIVITY_FAILURES.settlementRule);
        }
        throw error;
      }
    },

    /**
     * How cases were priced before settlement waited for the tender: at the district's tender prices, the
     * estimate where none exists. Kept for cases of that version still retrying it; new cases never call it.
     */
    async priceGasRetrofit(request: {
      district: District;
      userType: Exclude<GasUserType, 'new-build-residential'>;
      items: RetrofitItems;
    }): Promise<{ priceBasis: PriceBasis; settlement: Settlement }> {
      const tender = await adapters.districtFinance.currentTenderPrices(request.district);
      const priceBasis = resolvePriceBasis(tender.prices, tender.tenderRef);
      try {
        return {
          priceBasis,
          settlement: computeSettlement(request.userType, request.items, priceBasis.prices),
        };
      } catch (error) {
        if (error instanceof SettlementRuleError && error.field.startsWith('prices.')) {
          // Waits (retrying) until the district's finance bureau sets the missing tender price.
          throw ApplicationFailure.retryable(
            `no price for ${error.field.slice('prices.'.length)} in ${request.district}: set a tender price`,
            ACTIVITY_FAILURES.tenderPriceMissing,
          );
        }
        if (error instanceof SettlementRuleError) {
          throw ApplicationFailure.nonRetryable(error.message, ACTIVITY_FAILURES.settlementRule);
        }
        throw error;
      }
    },
  };
}

/** Each party's share booked in its own ledger (the resident's as the gas company's receivable). */
function settlementActivities(adapters: Adapters) {
  return {
    async bookSettlementShare(booking: ShareBooking): Promise<LedgerEntry> {
      return ledgerOf(adapters, booking.party).book({
        idempotencyKey: booking.idempotencyKey,
        caseId: booking.caseId,
        district: booking.district,
        amountFen: booking.amountFen,
        reference: `gas-retrofit settlement: ${booking.party} share`,
      });
    },

    async reverseSettlementShare(reversal: ShareReversal): Promise<LedgerEntry | undefined> {
      return ledgerOf(adapters, reversal.party).reverse({
        idempotencyKey: reversal.idempotencyKey,
        reverses: reversal.reverses,
        reference: `gas-retrofit settlement reversed: ${reversal.party} share`,
      });
    },
  };
}

/** What a case asks the gas company, as its history records it: the work itself, which the retrofit's rules judge. */
interface GasEligibilityRequest extends Omit<EligibilityRequest, 'itemsFit'> {
  items?: RetrofitItems;
}

export function createGasRetrofitActivities(adapters: Adapters) {
  return {
    /** Asks the gas company whether the account may enter the retrofit; the answer is recorded there once. */
    async checkGasEligibility(request: GasEligibilityRequest): Promise<EligibilityDecision> {
      const { items, ...asked } = request;
      const itemsFit = items && !itemsProblem(request.userType, items);
      return adapters.gasCompany.checkEligibility(items ? { ...asked, itemsFit } : asked);
    },

    async recordAcceptanceCheck(record: AcceptanceRecord): Promise<void> {
      await adapters.gasCompany.recordAcceptance(record);
    },

    async isGasAccountActive(request: { accountRef: string }): Promise<boolean> {
      return adapters.gasCompany.isAccountActive(request.accountRef);
    },
    ...installerActivities(adapters),
    ...pricingActivities(adapters),
    ...settlementActivities(adapters),
  };
}

/** What the retrofit's workflows may call: its own activities and the campaign's, each able to carry progress. */
export type GasRetrofitActivities = CarryingCaseProgress<
  ReturnType<typeof createGasRetrofitActivities> & ReturnType<typeof createCampaignActivities>
>;
