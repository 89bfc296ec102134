/**
 * The request and response schemas every process's routes share (errors, case IDs, a started case, the open task,
 * districts) and the platform's own (health, tasks, calendar). Every object is `.strict()`: an unknown field is
 * refused, never dropped. A process's own schemas live in its folder (processes/<name>/api/schemas.ts).
 */
import { z } from 'zod';
import { decisionRecordsSchema } from './decision-particulars';
import { DEPARTMENT_CODES, DISTRICT_CODES, ROLES } from '../workflows/definitions';
import { CREDIT_CODE_RULES, creditCodeProblem } from '../workflows/kit/credit-code';
import type { FieldRule } from '../workflows/kit/refusals';

export const districtSchema = z.enum(DISTRICT_CODES).meta({
  id: 'District',
  description: 'One of the city’s sixteen districts, development zones and counties',
});
/**
 * Free text, counted once its surrounding spaces are trimmed: the document says so with a pattern (that many
 * characters from the first non-space to the last), so that a blank or padded string is refused by the schema too.
 */
export const text = (min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min)
    .max(max)
    .meta({ pattern: min <= 1 ? '\\S' : `\\S[\\s\\S]{${min - 2},}\\S` });

/** What a field holding a unified social credit code is refused for beyond its pattern. */
export const creditCodeRefusals = (field: string): FieldRule[] =>
  Object.values(CREDIT_CODE_RULES).map((rule) => ({ field, rule }));

/** An enterprise or organisation: childcare providers, policy payees. */
export const creditCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .superRefine((value, ctx) => {
    const problem = creditCodeProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: CREDIT_CODE_RULES[problem] });
  })
  .meta({
    description:
      'Unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters without I, O, S, V or Z (case and ' +
      'surrounding spaces forgiven); its check character is checked too',
    example: '91350100M000100Y43',
    pattern: '^\\s*[0-9A-HJ-NP-RTUW-Ya-hj-np-rtuw-y]{18}\\s*$',
  });

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

export const contactReadQuerySchema = z
  .object({ unmasked: z.enum(['true', 'false']).default('false') })
  .strict();

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

const rungLevelSchema = z.enum(['district', 'city']);

/** The one human task a case of any process waits on (kit/case-state.ts). */
const openTaskSchema = z
  .object({
    taskId: z.string(),
    kind: z.string(),
    department: z.enum(DEPARTMENT_CODES),
    role: z.enum(ROLES),
    level: rungLevelSchema
      .optional()
      .meta({ description: 'Whether the holder works for the case’s district or for the city' }),
    dueAt: z.string(),
    escalationRung: z.number().int(),
    overdue: z.boolean().optional(),
    provisionalYears: z.array(z.number().int()).optional().meta({
      description: 'Years without a published holiday schedule that a working-day deadline runs through',
    }),
    supervisedBy: z
      .object({
        department: z.enum(DEPARTMENT_CODES),
        role: z.enum(ROLES),
        level: rungLevelSchema.optional(),
      })
      .optional()
      .meta({ description: 'On a supervised ladder past its first deadline: who now watches over the task' }),
  })
  .meta({ id: 'OpenTask' });

export const healthSchema = z
  .object({
    status: z.enum(['ok', 'degraded']),
    checks: z.object({ temporal: z.enum(['ok', 'unavailable']), database: z.enum(['ok', 'unavailable']) }),
  })
  .meta({ id: 'Health' });

// `format: date` in the document: a real calendar date, not only the pattern (0000-00-00 is refused).
export const dayString = z.iso.date({ error: 'must be a real calendar date YYYY-MM-DD' });
export const openTasksSchema = z
  .object({
    tasks: z.array(
      z.object({
        taskId: z.string(),
        caseId: z.string(),
        kind: z.string(),
        department: z.enum(DEPARTMENT_CODES),
        district: districtSchema,
        role: z.enum(ROLES),
        dueAt: z.string(),
        escalationRung: z.number().int().meta({ description: '0 on the first rung of the task’s ladder' }),
        overdue: z.boolean().meta({ description: 'Its deadline has passed' }),
        process: z
          .string()
          .optional()
          .meta({ description: 'Its case’s process (GET /v1/case-kinds), once the case registry has it' }),
        stage: z.string().optional().meta({ description: 'Its case’s stage, once the case registry has it' }),
      }),
    ),
  })
  .meta({ id: 'OpenTasks' });

/** A year's statutory holiday schedule as the State Council publishes it (the year itself is in the path). */
export const publishCalendarYearSchema = z
  .object({
    /** Every day off of the year's statutory holidays, weekend days of them included. */
    holidays: z.array(dayString).min(1).max(60).meta({ uniqueItems: true }),
    /** Weekend days worked in exchange (调休上班). */
    makeUpWorkdays: z.array(dayString).max(20).meta({ uniqueItems: true }),
  })
  .strict()
  .meta({ id: 'PublishCalendarYear' });

export const calendarYearSchema = z
  .object({
    year: z.number().int(),
    holidays: z.array(z.string()),
    makeUpWorkdays: z.array(z.string()),
    source: z.enum(['city', 'package']).meta({
      description: 'city: loaded through this API; package: the calendar package’s own data',
    }),
  })
  .meta({ id: 'CalendarYear' });

export const calendarYearParamsSchema = z
  .object({ year: z.coerce.number().int('must be a whole year').min(2000).max(2100) })
  .strict();

/**
 * A case as its read route answers it: what every process's case has (its ID, process, district, stage, open
 * task, decisions, the decision still being worked on, Temporal's status) around the process's own fields.
 */
export function caseSchema<
  Stages extends readonly [string, ...string[]],
  Actions extends readonly [string, ...string[]],
  Fields extends z.ZodRawShape,
>(
  envelope: { id: string; process: string; district: z.ZodType; stages: Stages; actions: Actions },
  fields: Fields,
) {
  return z
    .object({
      caseId: z.string(),
      process: z.literal(envelope.process),
      district: envelope.district,
      stage: z.enum(envelope.stages),
      ...fields,
      openTask: openTaskSchema.optional(),
      decisions: decisionRecordsSchema.optional(),
      workingOn: z.enum(envelope.actions).optional().meta({
        description:
          'The recorded decision whose follow-on work (department calls, payments, …) is still running',
      }),
      workflowStatus: z.string().meta({ description: 'Temporal execution status: RUNNING, COMPLETED, ...' }),
    })
    .meta({ id: envelope.id });
}
