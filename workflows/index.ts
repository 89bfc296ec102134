/**
 * The worker's one workflow entry point: a line per process. It cannot read processes/index.ts, whose modules carry
 * Node code (routers, database adapters) that the workflow sandbox must never load; test/unit/process-modules.test.ts
 * holds the two lists to each other.
 */
export * from '../processes/gas-retrofit/workflow/workflows';
export * from '../processes/childcare/workflow/workflows';
export * from '../processes/petitions/workflow/workflows';
export * from '../processes/policy-payout/workflow/workflows';
