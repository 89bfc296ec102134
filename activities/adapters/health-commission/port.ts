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
  /**
   * Keeps the staff list an application was posted with: `saved` the first time, `same` when posted again with
   * the same list, `differs` (and nothing written) when the list is another: a change is its own act.
   */
  keepStaff(caseId: string, staff: readonly StaffMember[]): Promise<'saved' | 'same' | 'differs'>;
  /** Files a proposed staff list for the case; the case applies it when it takes the change. Returns its ID. */
  proposeStaffChange(change: {
    caseId: string;
    staff: readonly StaffMember[];
    requestedBy: string;
  }): Promise<string>;
  /** Replaces the staff with the proposed list (idempotent); false when no such change was proposed for the case. */
  applyStaffChange(caseId: string, changeId: string): Promise<boolean>;
  staffOf(caseId: string): Promise<StaffMember[]>;
  /** Enters the provider and its slots in the registry (idempotent on the case). */
  register(entry: RegistryEntry): Promise<void>;
  registry(filter: { district?: District; caseId?: string }): Promise<RegistryEntry[]>;
  /** Records the year's evaluation; false when one is recorded for that year already. */
  recordEvaluation(record: QualityEvaluationRecord): Promise<boolean>;
}
