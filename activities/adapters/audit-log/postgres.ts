import type { Actor } from '../../../workflows/definitions';
import type { Db } from '../../db/connection';
import { AUDIT_RETENTION_DAYS } from '../../db/migrations/20261130090000_audit_log';
import { PERSONAL_DATA_ACCESS_RETENTION } from '../../db/migrations/20261206090000_personal_data_access_retention';
import type { AuditEntry, AuditLogPort, StoredAuditEntry } from './port';

interface AuditRow {
  id: string;
  at: Date;
  actor_id: string;
  actor_department: Actor['department'];
  actor_district: Actor['district'];
  actor_roles: Actor['roles'];
  action: string;
  outcome: StoredAuditEntry['outcome'];
  reason: string;
  case_id: string | null;
  details: NonNullable<AuditEntry['details']>;
}

export class RetentionPeriodError extends Error {
  constructor(days: number) {
    super(
      `audit records are kept at least ${AUDIT_RETENTION_DAYS} days; refusing to delete those older than ${days}`,
    );
    this.name = 'RetentionPeriodError';
  }
}

export class PostgresAuditLog implements AuditLogPort {
  constructor(private readonly db: Db) {}

  async record(entry: AuditEntry): Promise<void> {
    await this.db('onething.audit_log').insert({
      actor_id: entry.actor.userId,
      actor_department: entry.actor.department,
      actor_district: entry.actor.district,
      actor_roles: entry.actor.roles,
      action: entry.action,
      outcome: entry.outcome,
      reason: entry.reason,
      case_id: entry.caseId ?? null,
      details: JSON.stringify(entry.details ?? {}),
    });
  }

  async forCase(caseId: string): Promise<StoredAuditEntry[]> {
    const rows = await this.db<AuditRow>('onething.audit_log').where({ case_id: caseId }).orderBy('id');
    return rows.map((row) => ({
      id: Number(row.id),
      at: row.at.toISOString(),
      actor: {
        userId: row.actor_id,
        department: row.actor_department,
        district: row.actor_district,
        roles: row.actor_roles,
      },
      action: row.action,
      outcome: row.outcome,
      reason: row.reason,
      ...(row.case_id ? { caseId: row.case_id } : {}),
      details: row.details,
    }));
  }

  async deleteOlderThan(days: number): Promise<number> {
    if (!Number.isInteger(days) || days < AUDIT_RETENTION_DAYS) throw new RetentionPeriodError(days);
    // Records of access to personal data stay their longer period whatever `days` says (the database insists too).
    return this.db('onething.audit_log')
      .where('at', '<', this.db.raw(`now() - make_interval(days => ?)`, [days]))
      .andWhere((older) =>
        older
          .where('personal_data', false)
          .orWhere('at', '<', this.db.raw(`now() - interval '${PERSONAL_DATA_ACCESS_RETENTION}'`)),
      )
      .delete();
  }
}
