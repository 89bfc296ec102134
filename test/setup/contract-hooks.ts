/** Root hooks: a test that made the API break its OpenAPI contract fails, naming each exchange. */
import { takeContractViolations } from '../helpers/contract';

export const mochaHooks = {
  afterEach(this: Mocha.Context) {
    const violations = takeContractViolations();
    if (violations.length > 0) {
      throw new Error(`the API broke its OpenAPI contract:\n  ${[...new Set(violations)].join('\n  ')}`);
    }
  },
};
