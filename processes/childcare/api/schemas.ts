/** Request and response schemas of the childcare-provider subsidy (普惠托育). Every object is `.strict()`. */
import { z } from 'zod';
import { CHILDCARE_SERVICES, PROVIDER_KINDS, PROVIDER_LEVELS } from '../workflow/provider';
import { SUBSIDY_AMOUNT_RULES, SUBSIDY_RULE_NAMES } from '../workflow/subsidy-rules';
import { CHILDCARE_ACTIONS, CHILDCARE_STAGES, QUALITY_GRADES } from '../workflow/contract';
import { DEPARTMENT_CODES } from '../../../workflows/definitions';
import { childcareApplicationExample } from './example';
import { caseSchema, creditCodeSchema, districtSchema, text } from '../../../api/schemas';

const fen = (max: number) => z.number().int('must be a whole number of fen').min(0).max(max);
const place = text(1, 60);

export const childcareProviderSchema = z
  .object({
    name: text(2, 80),
    creditCode: creditCodeSchema,
    kind: z.enum(PROVIDER_KINDS),
    level: z
      .enum(PROVIDER_LEVELS)
      .meta({ description: 'community point, or a street’s or township’s provider' }),
    district: districtSchema,
    street: place.meta({ description: 'Street (街道) or township (乡镇)' }),
    community: place.meta({ description: 'Community (社区)' }),
    services: z
      .array(z.enum(CHILDCARE_SERVICES))
      .min(1)
      .max(CHILDCARE_SERVICES.length)
      .refine((services) => new Set(services).size === services.length, 'must not list a service twice')
      .meta({ uniqueItems: true }),
  })
  .strict()
  .meta({ id: 'ChildcareProvider' });

const childcareFactsSchema = z
  .object({
    slots: z.number().int().min(1).max(2_000),
    constructionInvestmentFen: fen(100_000_000_000).meta({
      description: 'Total construction investment, fen',
    }),
    higherLevelSubsidyReceived: z.boolean(),
    monthlyPriceFen: fen(10_000_000).meta({ description: 'Monthly price, meals included, fen' }),
    monitoring24hWithAlarm: z.boolean(),
    videoCoversAllAreas: z.boolean(),
    recordingRetentionDays: z.number().int().min(0).max(3_650),
  })
  .strict()
  .meta({ id: 'ChildcareFacts' });

const childcareStaffSchema = z
  .array(
    z
      .object({
        name: text(1, 40),
        certificateNumber: text(4, 40).meta({ description: 'Qualification certificate number' }),
      })
      .strict(),
  )
  .min(1)
  .max(500)
  .meta({
    description: 'Personal data: kept by the health commission, masked in answers, never sent to Temporal',
  });

export const subsidyCheckSchema = z
  .object({
    provider: childcareProviderSchema,
    facts: childcareFactsSchema,
    staff: childcareStaffSchema,
    year: z.number().int().min(2000).max(2100).optional().meta({
      description: 'The year whose price ceiling applies; this year by default',
    }),
  })
  .strict()
  .meta({ id: 'SubsidyCheckRequest' });

export const subsidyCheckResultSchema = z
  .object({
    eligible: z.boolean(),
    amountFen: z
      .number()
      .int()
      .nullable()
      .meta({ description: 'The subsidy in fen when eligible; null otherwise' }),
    amount: z.object({
      perSlotFen: z.number().int(),
      investmentShareFen: z.number().int(),
      applied: z.enum(['per-slot', 'investment-share']),
      rule: z.enum(SUBSIDY_AMOUNT_RULES),
    }),
    rules: z.array(z.object({ rule: z.enum(SUBSIDY_RULE_NAMES), passed: z.boolean(), detail: z.string() })),
    year: z.number().int(),
  })
  .meta({ id: 'SubsidyCheck' });

export const priceCeilingParamsSchema = z
  .object({
    district: districtSchema,
    year: z.coerce.number().int('must be a whole year').min(2000).max(2100),
  })
  .strict();

export const publishPriceCeilingSchema = z
  .object({ ceilingFen: fen(10_000_000).min(1, 'must be more than 0 fen') })
  .strict()
  .meta({ id: 'PublishPriceCeiling' });

export const priceCeilingSchema = z
  .object({
    district: districtSchema,
    year: z.number().int(),
    ceilingFen: z.number().int(),
    publishedBy: z.string(),
    publishedAt: z.string(),
  })
  .meta({ id: 'PriceCeiling' });

export const startChildcareApplicationSchema = z
  .object({ provider: childcareProviderSchema, facts: childcareFactsSchema, staff: childcareStaffSchema })
  .strict()
  .meta({ id: 'StartChildcareApplication', example: childcareApplicationExample() });

const reasons = z.array(text(1, 300)).min(1).max(20);

/** Bodies of the decisions on an application (the actor comes from the token, never from the body). */
export const childcareActionBodies = {
  completeness: z
    .object({
      outcome: z.enum(['complete', 'return-for-correction']),
      missing: reasons
        .optional()
        .meta({ description: 'What the provider must correct; required when returned' }),
    })
    .strict(),
  resubmit: z.object({ facts: childcareFactsSchema }).strict(),
  inspection: z
    .object({
      result: z.enum(['pass', 'fail']),
      photosRef: text(1, 120).meta({ description: 'Reference to the inspection photos' }),
      reason: text(1, 500).optional(),
    })
    .strict(),
  'health-approval': z
    .object({ decision: z.enum(['approve', 'refuse']), reasons: reasons.optional() })
    .strict(),
  'finance-approval': z
    .object({ decision: z.enum(['approve', 'refuse']), reasons: reasons.optional() })
    .strict(),
  'quality-evaluation': z.object({ grade: z.enum(QUALITY_GRADES) }).strict(),
  'resolve-incident': z
    .object({ action: z.enum(['retry']) })
    .strict()
    .meta({ description: 'Pay the subsidy again, once the cause of the failed attempts is put right' }),
  withdraw: z.object({ reason: text(1, 300) }).strict(),
  'staff-change': z
    .object({ staff: childcareStaffSchema, reason: text(2, 300) })
    .strict()
    .meta({
      description:
        'The new staff list replaces the old once the case takes the change; after the department checks, the ' +
        'blacklist check runs again on it',
    }),
} as const;

const ruleResult = z.object({ rule: z.enum(SUBSIDY_RULE_NAMES), passed: z.boolean(), detail: z.string() });

export const childcareCaseSchema = caseSchema(
  {
    id: 'ChildcareCase',
    process: 'childcare-application',
    district: districtSchema,
    stages: CHILDCARE_STAGES,
    actions: CHILDCARE_ACTIONS,
  },
  {
    provider: z.object({
      name: z.string(),
      creditCode: z.string(),
      kind: z.enum(PROVIDER_KINDS),
      level: z.enum(PROVIDER_LEVELS),
      district: districtSchema,
      street: z.string(),
      community: z.string(),
      services: z.array(z.enum(CHILDCARE_SERVICES)),
    }),
    facts: z.record(z.string(), z.union([z.number(), z.boolean()])),
    corrections: z.number().int(),
    correction: z.object({ missing: z.array(z.string()), since: z.string() }).optional(),
    departmentChecks: z
      .array(
        z.object({
          department: z.enum(DEPARTMENT_CODES),
          check: z.enum(['market-registration', 'fire-safety-sign-off', 'community-exists']),
          passed: z.boolean(),
          detail: z.string(),
        }),
      )
      .optional(),
    subsidy: z
      .object({
        eligible: z.boolean(),
        rules: z.array(ruleResult),
        amount: z.object({
          perSlotFen: z.number().int(),
          investmentShareFen: z.number().int(),
          applied: z.enum(['per-slot', 'investment-share']),
          rule: z.enum(SUBSIDY_AMOUNT_RULES),
          amountFen: z.number().int(),
        }),
      })
      .optional(),
    inspection: z
      .object({ result: z.enum(['pass', 'fail']), photosRef: z.string(), by: z.string() })
      .optional(),
    refusal: z.object({ by: z.enum(DEPARTMENT_CODES), reasons: z.array(z.string()) }).optional(),
    withdrawal: z.object({ reason: z.string(), by: z.string() }).optional(),
    payment: z
      .object({ amountFen: z.number().int(), idempotencyKey: z.string(), entryId: z.string() })
      .optional(),
    registeredAt: z.string().optional(),
    quality: z
      .object({
        nextDueAt: z.string(),
        evaluations: z.array(
          z.object({
            year: z.number().int(),
            grade: z.enum(QUALITY_GRADES),
            rewardFen: z.number().int(),
            entryId: z.string().nullable(),
          }),
        ),
      })
      .optional(),
  },
);

export const childcareStaffViewSchema = z
  .object({
    caseId: z.string(),
    masked: z.literal(true),
    staff: z.array(z.object({ name: z.string(), certificateNumber: z.string() })),
  })
  .meta({ id: 'ChildcareStaffView', description: 'Masked (`李**`, `BY*****01`): personal data' });
