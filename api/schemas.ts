/** Request and response schemas. Every object is `.strict()`: an unknown field is refused, never dropped. */
import { z } from 'zod';
import { checkItems, SettlementRuleError } from '../workflows/lib/settlement';
import {
  CHANNELS,
  DISTRICT_CODES,
  GAS_ACCOUNT_REF_PATTERN,
  GAS_RETROFIT_STAGES,
  GAS_USER_TYPES,
  INELIGIBILITY_REASONS,
} from '../workflows/definitions';

export const districtSchema = z.enum(DISTRICT_CODES).meta({ id: 'District', description: 'District code' });

export const errorSchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      problems: z
        .array(z.object({ field: z.string(), rule: z.string() }))
        .optional()
        .meta({ description: 'For 400 validation failures: each field and the rule it broke' }),
    }),
  })
  .meta({ id: 'Error' });

export const retrofitItemsSchema = z
  .object({
    valve: z.boolean().meta({ description: 'Fit a self-closing valve (自闭阀)' }),
    hoseLengthM: z.number().positive().max(20).optional().meta({
      description: 'Metal hose length in metres (one decimal); omit when no hose is fitted',
      example: 2.5,
    }),
  })
  .strict()
  .meta({ id: 'RetrofitItems' });

export const startGasRetrofitHouseholdSchema = z
  .object({
    district: districtSchema,
    accountRef: z
      .string()
      .regex(
        GAS_ACCOUNT_REF_PATTERN,
        'must be 4-32 upper-case letters, digits or dashes (the gas account number)',
      )
      .meta({
        description: "The gas company's account reference (a business key, not personal data)",
        example: 'JS-000001',
      }),
    userType: z.enum(GAS_USER_TYPES),
    channel: z
      .enum(CHANNELS)
      .meta({ description: 'Where the request came in: 郑好办 app, website, hall window or kiosk' }),
    items: retrofitItemsSchema,
  })
  .strict()
  .superRefine((body, ctx) => {
    try {
      checkItems(body.userType, body.items);
    } catch (error) {
      if (!(error instanceof SettlementRuleError)) throw error;
      ctx.addIssue({ code: 'custom', path: error.field.split('.'), message: error.rule });
    }
  })
  .meta({ id: 'StartGasRetrofitHousehold' });
export type StartGasRetrofitHouseholdBody = z.infer<typeof startGasRetrofitHouseholdSchema>;

export const caseIdParamsSchema = z
  .object({
    caseId: z.string().min(1).max(200).meta({ description: 'Case ID, e.g. gas-retrofit:jinshui:JS-000001' }),
  })
  .strict();

export const caseStartedSchema = z
  .object({
    caseId: z.string(),
    status: z.enum(['started', 'existing']),
    links: z.object({ self: z.string() }),
  })
  .meta({ id: 'CaseStarted' });

export const gasRetrofitCaseSchema = z
  .object({
    caseId: z.string(),
    process: z.literal('gas-retrofit-household'),
    district: districtSchema,
    accountRef: z.string(),
    userType: z.enum(GAS_USER_TYPES),
    channel: z.enum(CHANNELS),
    stage: z.enum(GAS_RETROFIT_STAGES),
    items: retrofitItemsSchema.optional(),
    booking: z.object({ bookingId: z.string(), teamId: z.string(), day: z.string() }).optional(),
    openTask: z
      .object({
        taskId: z.string(),
        kind: z.string(),
        department: z.string(),
        role: z.string(),
        dueAt: z.string(),
      })
      .optional(),
    settlement: z
      .object({ totalFen: z.number().int(), totals: z.record(z.string(), z.number().int()) })
      .optional()
      .meta({ description: 'Each party’s share in fen, once the case is priced' }),
    workflowStatus: z.string().meta({ description: 'Temporal execution status: RUNNING, COMPLETED, ...' }),
    eligibility: z
      .object({
        outcome: z.enum(['eligible', 'ineligible']),
        reason: z.enum(INELIGIBILITY_REASONS).optional(),
        checkedAt: z.string(),
        checkId: z.string(),
      })
      .optional(),
  })
  .meta({ id: 'GasRetrofitCase' });

export const healthSchema = z
  .object({
    status: z.enum(['ok', 'degraded']),
    checks: z.object({ temporal: z.enum(['ok', 'unavailable']), database: z.enum(['ok', 'unavailable']) }),
  })
  .meta({ id: 'Health' });
