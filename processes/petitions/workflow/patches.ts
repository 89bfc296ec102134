/** The petition's patches; all were released before the kit's patch baseline, so new runs have them all. */

/** Petitions recorded before review and re-review ended at `completed`; they replay that way. */
export const REVIEW_PATCH = 'petition-review-and-re-review';

/** Runs recorded before this gave an over-transferred petition to the petition office's clerks; they replay so. */
export const OVER_TRANSFERRED_TO_SUPERVISOR_PATCH = 'petition-over-transferred-to-a-supervisor';

export const PETITION_PATCHES_BEFORE_BASELINE = [REVIEW_PATCH, OVER_TRANSFERRED_TO_SUPERVISOR_PATCH];

/**
 * A report (举报) is never handed to the press desk: its ladder ends at the city's petition office. Newer than the
 * baseline; runs recorded before handed an overdue report to the desk's rung, and replay that way.
 */
export const REPORTS_NEVER_TO_THE_PRESS_PATCH = 'petition-reports-never-to-the-press';
