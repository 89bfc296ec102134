/** Every process's audit profile, by workflow type, as the processes declare them (processes/index.ts). */
import { processAuditProfiles } from '../processes';
import type { ProcessAuditProfile } from '../workflows/kit/audit-profile';

const PROFILES: readonly ProcessAuditProfile[] = processAuditProfiles();

export function auditProfileOf(workflowType: string): ProcessAuditProfile | undefined {
  return PROFILES.find((profile) => profile.workflowType === workflowType);
}
