/**
 * Who may read which petition, beyond role and district: a petition can be a whistleblower's report (举报), and
 * its text and place can identify the one who wrote it. The petition office reads every petition of its reach; a
 * handling department reads a petition while it holds it and after it has held it; the press desk (观观督办) reads
 * only what it has taken up, and never a report's post.
 */
import type { Actor } from '../../../workflows/definitions';
import type { PetitionCaseState } from '../workflow/contract';
import { ForbiddenError } from '../../../api/errors';

type PetitionReader = 'petition-office' | 'holder' | 'past-holder' | 'press-desk';

type Held = Pick<PetitionCaseState, 'department' | 'transfers' | 'openTask' | 'decisions' | 'press' | 'kind'>;

const pressTookUp = (state: Held): boolean =>
  state.press !== undefined ||
  state.openTask?.department === 'public-supervision' ||
  state.openTask?.supervisedBy?.department === 'public-supervision';

/** Why this caller may read the petition at all; undefined when their work has nothing to do with it. */
export function petitionReaderOf(actor: Pick<Actor, 'department'>, state: Held): PetitionReader | undefined {
  const department = actor.department;
  if (department === 'petition-office') return 'petition-office';
  if (department === 'public-supervision') return pressTookUp(state) ? 'press-desk' : undefined;
  if (state.department === department || state.openTask?.department === department) return 'holder';
  const heldBefore =
    state.transfers.some((t) => t.from === department || t.to === department) ||
    (state.decisions ?? []).some((d) => d.by.department === department);
  return heldBefore ? 'past-holder' : undefined;
}

/** The caller's reason to read the petition, or 403 naming the rule. */
export function requirePetitionReader(actor: Pick<Actor, 'department'>, state: Held): PetitionReader {
  const reader = petitionReaderOf(actor, state);
  if (!reader) {
    throw new ForbiddenError(
      'a petition is read by the petition office, the department holding it or that held it, and the press desk once it has taken it up',
    );
  }
  return reader;
}

/** The post (the citizen's own words): never a report's for the press desk. */
export function requirePostReader(actor: Pick<Actor, 'department'>, state: Held): PetitionReader {
  const reader = requirePetitionReader(actor, state);
  if (reader === 'press-desk' && state.kind === 'report') {
    throw new ForbiddenError('the press desk never reads the post of a report (举报)');
  }
  return reader;
}

/** Reads of a report's post by anyone but the department holding it are kept in the audit log. */
export const isAuditedPostRead = (reader: PetitionReader, state: Pick<PetitionCaseState, 'kind'>): boolean =>
  state.kind === 'report' && reader !== 'holder';
