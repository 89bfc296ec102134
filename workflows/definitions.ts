/**
 * The public contract of OneThing's workflows, for api/, audit/ and tests: the process registry, the words all
 * processes share (kit), and each process's own contract. Workflow code imports the parts it needs directly.
 */
export * from './registry';
export * from './kit/vocabulary';
export { DECISION_REFUSALS } from './kit/refusals';
export { ALL_SEARCH_ATTRIBUTES, SEARCH_ATTRIBUTES } from './kit/search-attributes';
export type { DecisionRecord, OpenTaskSummary } from './kit/case-state';
export * from '../processes/gas-retrofit/workflow/contract';
export * from '../processes/childcare/workflow/contract';
export * from '../processes/petitions/workflow/contract';
export type {
  Party,
  PriceBasis,
  RetrofitItems,
  Settlement,
} from '../processes/gas-retrofit/workflow/settlement';
