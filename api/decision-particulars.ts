/**
 * What a case read shows of each decision. Everyone who may read the case sees every decision, who took it and
 * when; the particulars (free-text reasons, the press desk's account of a call, staff and document references)
 * only those whose work runs the case, and each department its own decisions'.
 */
import { z } from 'zod';
import { DEPARTMENT_CODES, DISTRICT_CODES, ROLES, type Actor } from '../workflows/definitions';
import type { DecisionRecord } from '../workflows/kit/case-state';

type DecisionView = Omit<DecisionRecord, 'detail'> & { detail?: string };

export function decisionsSeenBy<State extends { decisions?: DecisionRecord[] }>(
  state: State,
  reader: Actor,
  readsAll: boolean,
): Omit<State, 'decisions'> & { decisions?: DecisionView[] } {
  if (readsAll || !state.decisions) return state;
  return {
    ...state,
    decisions: state.decisions.map(({ detail, ...seen }) =>
      seen.by.department === reader.department ? { ...seen, detail } : seen,
    ),
  };
}

export const decisionRecordsSchema = z
  .array(
    z.object({
      action: z.string(),
      by: z.object({
        userId: z.string(),
        department: z.enum(DEPARTMENT_CODES),
        district: z.enum([...DISTRICT_CODES, 'city']),
        roles: z.array(z.enum(ROLES)),
        creditCode: z
          .string()
          .optional()
          .meta({ description: 'An enterprise’s own decision: its credit code' }),
      }),
      at: z.string(),
      detail: z
        .string()
        .optional()
        .meta({
          description:
            'The decision’s particulars (reasons, accounts, references) as JSON: shown to the departments that run ' +
            'the case, auditors, and the department that took the decision; absent for other readers',
        }),
    }),
  )
  .meta({ id: 'DecisionRecords', description: 'Every decision recorded on the case, oldest first' });
