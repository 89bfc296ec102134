import type { District } from '../../../workflows/definitions';
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

export class PostgresHealthCommission implements HealthCommissionPort {
  constructor(private readonly db: Db) {}

  async saveStaff(caseId: string, staff: readonly StaffMember[]): Promise<void> {
    await this.db.transaction(async (trx) => {
      await trx('health_commission.application_staff').where({ case_id: caseId }).delete();
      await trx('health_commission.application_staff').insert(
        staff.map((member, position) => ({
          case_id: caseId,
          position,
          name: member.name,
          certificate_number: member.certificateNumber,
        })),
      );
    });
  }

  async staffOf(caseId: string): Promise<StaffMember[]> {
    const rows = await this.db<{
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

  async registry(filter: { district?: District }): Promise<RegistryEntry[]> {
    const query = this.db<RegistryRow>('health_commission.childcare_registry').orderBy('case_id');
    if (filter.district) void query.where({ district: filter.district });
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
