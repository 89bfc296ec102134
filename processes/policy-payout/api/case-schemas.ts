/** Request and response schemas of policy cases (亲清在线). Every request object is `.strict()`. */
import { z } from 'zod';
import { caseSchema, districtSchema, text } from '../../../api/schemas';
import { DEPARTMENT_CODES } from '../../../workflows/definitions';
import { POLICY_PAYOUT_ACTIONS, POLICY_PAYOUT_STAGES } from '../workflow/contract';
import { policyTermsSchema } from './policy-schemas';

const reasons = z.array(text(1, 300)).min(1).max(20);
const materials = z
  .array(text(2, 60))
  .min(1)
  .max(30)
  .meta({ uniqueItems: true, description: 'The materials submitted, by the names the policy gives them' });

export const payeeAccountSchema = z
  .object({
    bank: text(4, 60).meta({ description: 'The bank and branch (开户行)' }),
    accountNumber: z
      .string()
      .regex(/^\d{8,30}$/, 'must be 8-30 digits')
      .meta({
        description: 'The enterprise’s own account (对公账户); shown masked to all but it and finance',
      }),
  })
  .strict();

export const startPolicyApplicationSchema = z
  .object({
    policyId: z.string().regex(/^[a-z0-9][a-z0-9-]{2,39}$/, 'must be a policy key of the catalogue'),
    district: districtSchema.meta({ description: 'The district the enterprise is registered in' }),
    materials,
    account: payeeAccountSchema,
  })
  .strict()
  .meta({
    id: 'StartPolicyApplication',
    description:
      'An enterprise applies, with its own token (acting for its own credit code), once per policy and year',
  });

export const policyActionBodies = {
  confirm: z.object({ account: payeeAccountSchema }).strict(),
  decline: z.object({ reason: text(1, 300) }).strict(),
  completeness: z
    .object({
      outcome: z.enum(['complete', 'return-for-correction']),
      missing: reasons
        .optional()
        .meta({ description: 'What the enterprise must add; required when returned' }),
    })
    .strict(),
  resubmit: z.object({ materials, account: payeeAccountSchema }).strict(),
  review: z.object({ decision: z.enum(['approve', 'refuse']), reasons: reasons.optional() }).strict(),
  objection: z
    .object({ summary: text(4, 500) })
    .strict()
    .meta({
      description:
        'An objection to the payee list, taken in by the issuing department (who objected stays with it)',
    }),
  'objection-review': z.object({ finding: z.enum(['dismissed', 'upheld']), reasons }).strict(),
  'resolve-incident': z
    .object({ action: z.enum(['retry']) })
    .strict()
    .meta({ description: 'Pay again, once the cause of the failed attempts is put right' }),
} as const;

const due = z.object({ dueAt: z.string(), provisionalYears: z.array(z.number().int()).optional() });

export const policyPayoutCaseSchema = caseSchema(
  {
    id: 'PolicyPayoutCase',
    process: 'policy-payout',
    district: districtSchema,
    stages: POLICY_PAYOUT_STAGES,
    actions: POLICY_PAYOUT_ACTIONS,
  },
  {
    policy: z.object({ policyId: z.string(), version: z.number().int(), terms: policyTermsSchema }),
    year: z.number().int(),
    creditCode: z.string(),
    mode: z.enum(['automatic', 'application']),
    judgment: z
      .object({
        policyId: z.string(),
        version: z.number().int(),
        ruleLanguage: z.string(),
        eligible: z.boolean(),
        rules: z.array(z.object({ name: z.string(), passed: z.boolean() })),
        amountFen: z.number().int(),
        facts: z.record(z.string(), z.unknown()).optional().meta({
          description: 'The departments’ facts: shown to the issuer, auditors and the enterprise itself',
        }),
        judgedOn: z.string(),
      })
      .optional(),
    enterpriseDue: z.object({ due, remindAt: z.string(), reminded: z.boolean() }).optional(),
    account: z.object({ bank: z.string(), accountNumber: z.string() }).optional(),
    materials: z.array(z.string()).optional(),
    corrections: z.number().int(),
    correction: z.object({ missing: z.array(z.string()), since: z.string() }).optional(),
    review: z
      .object({ by: z.string(), decision: z.enum(['approve', 'refuse']), automatic: z.boolean() })
      .optional(),
    notice: z
      .object({
        due,
        objections: z.array(
          z.object({
            summary: z.string(),
            by: z.string(),
            finding: z.enum(['dismissed', 'upheld']).optional(),
          }),
        ),
      })
      .optional(),
    budgetYear: z.number().int(),
    payment: z
      .object({
        paymentId: z.string(),
        amountFen: z.number().int(),
        budgetYear: z.number().int(),
        idempotencyKey: z.string(),
        paidBy: z.enum(DEPARTMENT_CODES),
      })
      .optional(),
    incident: z.object({ party: z.string(), message: z.string(), since: z.string() }).optional(),
    outcome: z.object({ reason: z.string(), by: z.string().optional() }).optional(),
  },
);
