import type { District } from '../../../workflows/definitions';

/** A staff member of an applying provider: personal data, kept here and never sent to Temporal. */
export interface StaffMember {
  name: string;
  certificateNumber: string;
}

export interface RegistryEntry {
  caseId: string;
  creditCode: string;
  district: District;
  street: string;
  community: string;
  kind: string;
  level: string;
  slots: number;
  registeredAt: string;
}

export interface QualityEvaluationRecord {
  caseId: string;
  year: number;
  grade: string;
  evaluatedBy: string;
}

/** The health commission (卫健委), the process's lead: applications' staff, the childcare registry, evaluations. */
export interface HealthCommissionPort {
  /** Replaces the staff list of an application (a resubmission may change it). */
  saveStaff(caseId: string, staff: readonly StaffMember[]): Promise<void>;
  staffOf(caseId: string): Promise<StaffMember[]>;
  /** Enters the provider and its slots in the registry (idempotent on the case). */
  register(entry: RegistryEntry): Promise<void>;
  registry(filter: { district?: District }): Promise<RegistryEntry[]>;
  /** Records the year's evaluation; false when one is recorded for that year already. */
  recordEvaluation(record: QualityEvaluationRecord): Promise<boolean>;
}
