/**
 * The childcare subsidy's department calls: one activity per department, so a department that is down is retried
 * on its own (and never read as a refusal), and what each found is recorded in the case's history.
 */
import type { District } from '../../../workflows/definitions';
import type { QualityGrade } from '../workflow/contract';
import type { Adapters } from '../../../activities/adapters';
import type { CarryingCaseProgress } from '../../../activities/case-progress';
import type { RegistryEntry } from '../../../activities/adapters/health-commission/port';
import type { LedgerEntry } from '../../../activities/adapters/ledger/port';

interface MarketRegulationFindings {
  registration: 'active' | 'revoked' | 'unregistered';
  /** The published ceiling for the district and year, in fen; null when none is published. */
  priceCeilingFen: number | null;
}

interface CreditPlatformFindings {
  blacklistedStaff: number;
  creditRecordClean: boolean;
}

interface SubsidyPayment {
  caseId: string;
  district: District;
  amountFen: number;
  idempotencyKey: string;
}

interface QualityReward {
  caseId: string;
  district: District;
  year: number;
  grade: QualityGrade;
  amountFen: number;
  evaluatedBy: string;
}

export function createChildcareActivities(adapters: Adapters) {
  return {
    async checkMarketRegulation(request: {
      creditCode: string;
      district: District;
      year: number;
    }): Promise<MarketRegulationFindings> {
      const [registration, ceiling] = await Promise.all([
        adapters.marketRegulation.registrationStatus(request.creditCode),
        adapters.marketRegulation.childcarePriceCeiling(request.district, request.year),
      ]);
      return { registration: registration ?? 'unregistered', priceCeilingFen: ceiling?.ceilingFen ?? null };
    },

    /** Applies a staff list the health commission filed for the case (idempotent); false when none was filed. */
    async applyStaffChange(request: { caseId: string; changeId: string }): Promise<boolean> {
      return adapters.healthCommission.applyStaffChange(request.caseId, request.changeId);
    },

    /** The application's staff are read here from the health commission, so they never pass through Temporal. */
    async checkCreditPlatform(request: {
      caseId: string;
      creditCode: string;
    }): Promise<CreditPlatformFindings> {
      const staff = await adapters.healthCommission.staffOf(request.caseId);
      const [blacklistedStaff, creditRecordClean] = await Promise.all([
        adapters.creditPlatform.blacklistedCount(staff.map((member) => member.certificateNumber)),
        adapters.creditPlatform.providerRecordClean(request.creditCode),
      ]);
      return { blacklistedStaff, creditRecordClean };
    },

    async checkFireSafety(request: {
      creditCode: string;
      siteKey: string;
    }): Promise<'passed' | 'failed' | 'none'> {
      const signOff = await adapters.fireSafety.signOff(request.creditCode, request.siteKey);
      return signOff === undefined ? 'none' : signOff ? 'passed' : 'failed';
    },

    async checkCommunity(request: {
      district: District;
      street: string;
      community: string;
    }): Promise<boolean> {
      return adapters.civilAffairs.communityExists(request);
    },

    /** District finance pays the construction subsidy once, whatever the retries (idempotency key). */
    async payChildcareSubsidy(payment: SubsidyPayment): Promise<LedgerEntry> {
      return adapters.districtFinance.ledger.book({
        ...payment,
        reference: 'childcare construction subsidy (普惠托育建设补助)',
      });
    },

    async registerChildcareProvider(entry: RegistryEntry): Promise<void> {
      await adapters.healthCommission.register(entry);
    },

    /** Records the year's grade (once per provider and year) and pays its reward, if any, once. */
    async payQualityReward(reward: QualityReward): Promise<LedgerEntry | null> {
      await adapters.healthCommission.recordEvaluation({
        caseId: reward.caseId,
        year: reward.year,
        grade: reward.grade,
        evaluatedBy: reward.evaluatedBy,
      });
      if (reward.amountFen === 0) return null;
      return adapters.districtFinance.ledger.book({
        caseId: reward.caseId,
        district: reward.district,
        amountFen: reward.amountFen,
        idempotencyKey: `${reward.caseId}:quality-reward:${reward.year}`,
        reference: `childcare quality reward ${reward.year}, grade ${reward.grade}`,
      });
    },
  };
}

/** What the childcare workflow may call, each activity able to carry the case's progress. */
export type ChildcareActivities = CarryingCaseProgress<ReturnType<typeof createChildcareActivities>>;
