/** Every process's audit profile, by workflow type: the one place audit/ learns which processes exist. */
import type { ProcessAuditProfile } from '../workflows/kit/audit-profile';
import {
  GAS_RETROFIT_CAMPAIGN_AUDIT,
  GAS_RETROFIT_HOUSEHOLD_AUDIT,
} from '../workflows/gas-retrofit/audit-profile';
import { CHILDCARE_AUDIT } from '../workflows/childcare/audit-profile';
import { PETITION_AUDIT } from '../workflows/petitions/audit-profile';

const PROFILES: readonly ProcessAuditProfile[] = [
  GAS_RETROFIT_HOUSEHOLD_AUDIT,
  GAS_RETROFIT_CAMPAIGN_AUDIT,
  CHILDCARE_AUDIT,
  PETITION_AUDIT,
];

export function auditProfileOf(workflowType: string): ProcessAuditProfile | undefined {
  return PROFILES.find((profile) => profile.workflowType === workflowType);
}
