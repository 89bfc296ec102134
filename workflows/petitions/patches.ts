/** The petition's patches; all were released before the kit's patch baseline, so new runs have them all. */

/** Petitions recorded before review and re-review ended at `completed`; they replay that way. */
export const REVIEW_PATCH = 'petition-review-and-re-review';

/** Runs recorded before this gave an over-transferred petition to the petition office's clerks; they replay so. */
export const OVER_TRANSFERRED_TO_SUPERVISOR_PATCH = 'petition-over-transferred-to-a-supervisor';

export const PETITION_PATCHES_BEFORE_BASELINE = [REVIEW_PATCH, OVER_TRANSFERRED_TO_SUPERVISOR_PATCH];
