/** How auditors read petition histories: its decisions and who may take them. Petitions pay nothing. */
import type { ProcessAuditProfile } from '../../../workflows/kit/audit-profile';
import { WORKFLOW_TYPES } from '../../../workflows/registry';
import { PETITION_RULES } from './rules';

export const PETITION_AUDIT: ProcessAuditProfile<never> = {
  workflowType: WORKFLOW_TYPES.petition,
  rules: PETITION_RULES,
  ledgers: {},
  settlementOf: () => undefined,
};
