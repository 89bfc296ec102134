import type { EligibilityDecision } from '../workflows/definitions';
import type { EligibilityRequest, GasCompanyPort } from './adapters/gas-company/port';

export function createGasRetrofitActivities(gasCompany: GasCompanyPort) {
  return {
    /** Asks the gas company whether the account may enter the retrofit; the answer is recorded there once. */
    async checkGasEligibility(request: EligibilityRequest): Promise<EligibilityDecision> {
      return gasCompany.checkEligibility(request);
    },
  };
}
