/** Valid childcare applications for tests: the API's example, each with a provider of its own. */
export {
  exampleCreditCode as creditCode,
  childcareApplicationExample as subsidyApplication,
} from '../../processes/childcare/api/example';
