/**
 * Reading personal data unmasked (`?unmasked=true`): allowed only with the unmask-personal-data permission (and
 * whatever else the read needs), and every such read, allowed or refused, written to the audit log.
 */
import type { Response } from 'express';
import type { AuditLogPort } from '../activities/adapters/audit-log/port';
import { actorOf, permissionsOf } from './auth';
import { markAudited } from './error-middleware';
import { ForbiddenError } from './errors';

interface Unmasking {
  caseId: string;
  /** The audit log's action, e.g. `contact:unmask`. */
  action: string;
  /** Whether the caller asked for the data unmasked. */
  wanted: boolean;
  /** What unmasking needs besides the permission (the petition office, say), and whether the caller has it. */
  alsoNeeds?: { what: string; met: boolean };
}

/**
 * Runs the read's own access check, then refuses an unmasked read the caller may not make; when unmasking was
 * asked for, a refusal of either kind is audited as a refused unmasking.
 */
export async function guardUnmasking(
  res: Response,
  auditLog: AuditLogPort,
  unmasking: Unmasking,
  checkAccess: () => void = () => undefined,
): Promise<void> {
  const { alsoNeeds } = unmasking;
  try {
    checkAccess();
    const permitted = permissionsOf(res).includes('unmask-personal-data') && (alsoNeeds?.met ?? true);
    if (unmasking.wanted && !permitted) {
      const needs = alsoNeeds ? `${alsoNeeds.what} and ` : '';
      throw new ForbiddenError(`unmasking needs ${needs}the unmask-personal-data permission`);
    }
  } catch (error) {
    if (unmasking.wanted && error instanceof ForbiddenError) {
      markAudited(res);
      await auditLog.record({
        actor: actorOf(res),
        action: unmasking.action,
        outcome: 'refused',
        reason: error.message,
        caseId: unmasking.caseId,
      });
    }
    throw error;
  }
}

/** Records an unmasked read that was allowed (nothing when the data is shown masked). */
export async function recordUnmasking(
  res: Response,
  auditLog: AuditLogPort,
  unmasking: Unmasking,
): Promise<void> {
  if (!unmasking.wanted) return;
  await auditLog.record({
    actor: actorOf(res),
    action: unmasking.action,
    outcome: 'allowed',
    reason: 'unmask-personal-data permission',
    caseId: unmasking.caseId,
  });
}
