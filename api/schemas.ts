/** Request and response schemas. Every object is `.strict()`: an unknown field is refused, never dropped. */
import { z } from 'zod';
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
  })
  .strict()
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
