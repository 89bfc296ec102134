/** The childcare application's patches, newer than the kit's baseline: each asks `patched()` where it applies. */

/**
 * The slot targets (≥ 20 a community point, ≥ 50 a street, ≥ 30 a township) are the city's coverage targets, not
 * conditions of the construction subsidy (docs/sources.md, childcare). Runs recorded before this refused a smaller
 * point by them, and replay that way.
 */
export const SLOT_TARGETS_ARE_COVERAGE_PATCH = 'childcare-slot-targets-are-coverage';

/**
 * The subsidy's payment is tried a few times, then the case stops in a payment incident for district finance,
 * as the retrofit's payments do. Runs recorded before this retried it without end, and replay that way.
 */
export const PAYMENT_INCIDENT_PATCH = 'childcare-payment-incident';
