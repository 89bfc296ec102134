export { policyPayout } from './payout-workflow';
export { policyPayoutRound } from './round-workflow';
