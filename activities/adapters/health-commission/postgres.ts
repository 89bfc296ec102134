import type { District } from '../../../workflows/definitions';
import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { Db } from '../../db/connection';
import type { HealthCommissionPort, QualityEvaluationRecord, RegistryEntry, StaffMember } from './port';

interface RegistryRow {
  case_id: string;
  credit_code: string;
  district: District;
  street: string;
  community: string;
  kind: string;
  level: string;
  slots: number;
  registered_at: Date;
}

interface StaffChangeRow {
  change_id: string;
  case_id: string;
  staff: StaffMember[];
  applied_at: Date | null;
}

export class PostgresHealthCommission implements HealthCommissionPort {
  constructor(private readonly db: Db) {}

  async keepStaff(caseId: string, staff: readonly StaffMember[]): Promise<'saved' | 'same' | 'differs'> {
    return this.db.transaction(async (trx) => {
      // One application's posts are serialised here, so two first posts cannot both write a list.
      await trx.raw('SELECT pg_advisory_xact_lock(hashtext(?))', [`staff:${caseId}`]);
      const kept = await this.staffIn(trx, caseId);
      if (kept.length === 0) {
        await replaceStaff(trx, caseId, staff);
        return 'saved';
      }
      return sameStaff(kept, staff) ? 'same' : 'differs';
    });
  }

  async proposeStaffChange(change: {
    caseId: string;
    staff: readonly StaffMember[];
    requestedBy: string;
  }): Promise<string> {
    const changeId = randomUUID();
    await this.db('health_commission.staff_changes').insert({
      change_id: changeId,
      case_id: change.caseId,
      staff: JSON.stringify(change.staff),
      requested_by: change.requestedBy,
    });
    return changeId;
  }

  async applyStaffChange(caseId: string, changeId: string): Promise<boolean> {
    return this.db.transaction(async (trx) => {
      const change = await trx<StaffChangeRow>('health_commission.staff_changes')
        .where({ change_id: changeId, case_id: caseId })
        .forUpdate()
        .first();
      if (!change) return false;
      if (change.applied_at) return true;
      await replaceStaff(trx, caseId, change.staff);
      await trx('health_commission.staff_changes')
        .where({ change_id: changeId })
        .update({ applied_at: trx.fn.now() });
      return true;
    });
  }

  async staffOf(caseId: string): Promise<StaffMember[]> {
    return this.staffIn(this.db, caseId);
  }

  private async staffIn(db: Db | Knex.Transaction, caseId: string): Promise<StaffMember[]> {
    const rows = await db<{
      case_id: string;
      position: number;
      name: string;
      certificate_number: string;
    }>('health_commission.application_staff')
      .where({ case_id: caseId })
      .orderBy('position');
    return rows.map((row) => ({ name: row.name, certificateNumber: row.certificate_number }));
  }

  async register(entry: RegistryEntry): Promise<void> {
    await this.db('health_commission.childcare_registry')
      .insert({
        case_id: entry.caseId,
        credit_code: entry.creditCode,
        district: entry.district,
        street: entry.street,
        community: entry.community,
        kind: entry.kind,
        level: entry.level,
        slots: entry.slots,
        registered_at: entry.registeredAt,
      })
      .onConflict('case_id')
      .ignore();
  }

  async registry(filter: { district?: District; caseId?: string }): Promise<RegistryEntry[]> {
    const query = this.db<RegistryRow>('health_commission.childcare_registry').orderBy('case_id');
    if (filter.district) void query.where({ district: filter.district });
    if (filter.caseId) void query.where({ case_id: filter.caseId });
    return (await query).map((row) => ({
      caseId: row.case_id,
      creditCode: row.credit_code,
      district: row.district,
      street: row.street,
      community: row.community,
      kind: row.kind,
      level: row.level,
      slots: row.slots,
      registeredAt: row.registered_at.toISOString(),
    }));
  }

  async recordEvaluation(record: QualityEvaluationRecord): Promise<boolean> {
    const inserted = await this.db('health_commission.quality_evaluations')
      .insert({
        case_id: record.caseId,
        year: record.year,
        grade: record.grade,
        evaluated_by: record.evaluatedBy,
      })
      .onConflict(['case_id', 'year'])
      .ignore()
      .returning('case_id');
    return inserted.length > 0;
  }
}

async function replaceStaff(
  trx: Knex.Transaction,
  caseId: string,
  staff: readonly StaffMember[],
): Promise<void> {
  await trx('health_commission.application_staff').where({ case_id: caseId }).delete();
  await trx('health_commission.application_staff').insert(
    staff.map((member, position) => ({
      case_id: caseId,
      position,
      name: member.name,
      certificate_number: member.certificateNumber,
    })),
  );
}

const sameStaff = (a: readonly StaffMember[], b: readonly StaffMember[]): boolean =>
  a.length === b.length &&
  a.every((member, i) => member.name === b[i]!.name && member.certificateNumber === b[i]!.certificateNumber);
