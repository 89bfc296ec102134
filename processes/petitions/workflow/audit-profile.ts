/** How auditors read petition histories: its decisions and who may take them. Petitions pay nothing. */
import { PETITION_WORKFLOW_TYPES } from './contract';
import type { ProcessAuditProfile } from '../../../workflows/kit/audit-profile';
import { PETITION_RULES } from './rules';

export const PETITION_AUDIT: ProcessAuditProfile<never> = {
  workflowType: PETITION_WORKFLOW_TYPES.petition,
  rules: PETITION_RULES,
  ledgers: {},
  settlementOf: () => undefined,
};
