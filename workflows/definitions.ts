/**
 * The platform's public words, for api/, activities/, audit/ and tests: the process registry, the vocabulary all
 * processes share, the decision refusals and search attributes. A process's own contract is imported from its
 * folder (`processes/<name>/workflow/contract.ts`) by what serves that process alone.
 */
export * from './registry';
export * from './kit/vocabulary';
export { DECISION_REFUSALS } from './kit/refusals';
export { ALL_SEARCH_ATTRIBUTES, SEARCH_ATTRIBUTES } from './kit/search-attributes';
