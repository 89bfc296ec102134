/** Request and response schemas of citizens' petitions (心通桥). Every object is `.strict()`. */
import { z } from 'zod';
import {
  PETITION_ACTIONS,
  PETITION_CATEGORIES,
  PETITION_KINDS,
  PETITION_REF_PATTERN,
  PETITION_STAGES,
  PRESS_CALL_ANSWERS,
  PRESS_VERDICTS,
} from '../workflow/contract';
import { CHANNELS, DEPARTMENT_CODES } from '../../../workflows/definitions';
import { caseSchema, districtSchema, text } from '../../../api/schemas';
import { HANDLING_DEPARTMENTS } from '../workflow/rules';
import { PERSONAL_DATA_KEY_RULE, personalDataInKey } from '../../../api/personal-data/business-key';

/** How long after submission a window or kiosk post may still be typed in. */
export const INTAKE_LIMIT_DAYS = 30;

const CHINESE_PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;

export const startPetitionSchema = z
  .object({
    petitionRef: z
      .string()
      .regex(
        PETITION_REF_PATTERN,
        'must be 4-40 upper-case letters, digits or dashes (the channel’s reference)',
      )
      .refine((key) => personalDataInKey(key) === undefined, PERSONAL_DATA_KEY_RULE)
      .meta({
        description: 'The channel’s reference for the post: a resubmission with it finds the same case',
      }),
    channel: z.enum(CHANNELS),
    category: z.enum(PETITION_CATEGORIES),
    kind: z.enum(PETITION_KINDS),
    district: districtSchema,
    location: text(2, 200),
    text: text(5, 4000),
    contact: z
      .object({
        name: text(1, 40),
        phone: z
          .string()
          .regex(CHINESE_PHONE, 'must be a mainland mobile (11 digits) or landline with area code'),
      })
      .strict()
      .meta({ description: 'Personal data: kept by the petition office, never sent to Temporal' }),
    receivedAt: z.iso
      .datetime({ offset: true, error: 'must be an ISO 8601 date and time, e.g. 2026-10-09T09:30:00+08:00' })
      .optional()
      .meta({
        description:
          'When the citizen submitted (window and kiosk posts may be typed in later); now by default',
      }),
  })
  .strict()
  .meta({ id: 'StartPetition' });

/** Bodies of the decisions on a petition (the actor comes from the token, never from the body). */
export const petitionActionBodies = {
  accept: z.object({}).strict(),
  transfer: z.object({ to: z.enum(DEPARTMENT_CODES), reason: text(2, 300) }).strict(),
  reply: z.object({ summaryRef: text(1, 80) }).strict(),
  extend: z.object({ reason: text(2, 300), workingDays: z.number().int().min(1).max(20) }).strict(),
  rate: z.object({ satisfied: z.boolean() }).strict(),
  'supervise-note': z.object({ noteRef: text(1, 80) }).strict(),
  withdraw: z.object({ reason: text(2, 300) }).strict(),
  'request-review': z.object({}).strict(),
  'decide-review': z.object({ outcome: z.enum(['upheld', 'changed']), opinionRef: text(1, 80) }).strict(),
  'press-follow-up': z
    .object({
      answer: z.enum(PRESS_CALL_ANSWERS),
      account: text(5, 1000).meta({
        description:
          'The reporter’s account of the call, kept by the desk; about the department, not the petitioner',
      }),
      organisation: text(2, 80)
        .optional()
        .meta({
          description:
            'An organisation outside the platform’s departments that can answer (郑州市人才交流中心, a developer); ' +
            'absent: the department holding the petition',
        }),
    })
    .strict(),
  'press-publish': z
    .object({
      verdict: z.enum(PRESS_VERDICTS),
      headline: text(4, 120),
      url: z.url({ protocol: /^https$/, error: 'must be an https address of the published story' }),
    })
    .strict(),
  'press-take-up': z
    .object({
      account: text(5, 1000).meta({
        description: 'Why the desk takes the post up, kept by the desk (never a report: 举报 are refused)',
      }),
    })
    .strict(),
  'press-visit': z
    .object({
      place: text(2, 200),
      seen: text(5, 2000).meta({ description: 'What the reporter saw there, kept by the desk' }),
    })
    .strict(),
} as const;

const due = z.object({ dueAt: z.string(), provisionalYears: z.array(z.number().int()).optional() });

export const petitionCaseSchema = caseSchema(
  {
    id: 'PetitionCase',
    process: 'petition',
    district: districtSchema,
    stages: PETITION_STAGES,
    actions: PETITION_ACTIONS,
  },
  {
    channel: z.enum(CHANNELS),
    category: z.enum(PETITION_CATEGORIES),
    kind: z.enum(PETITION_KINDS),
    receivedAt: z.string(),
    department: z.enum(DEPARTMENT_CODES).optional(),
    transfers: z.array(
      z.object({
        from: z.enum(DEPARTMENT_CODES),
        to: z.enum(DEPARTMENT_CODES),
        reason: z.string().optional().meta({ description: 'For the petition office and the holder only' }),
        by: z.string(),
        at: z.string(),
      }),
    ),
    deadlines: z.object({ acceptance: due.optional(), reply: due.optional() }).meta({
      description: 'Every deadline of the case, in working days from receipt (24:00 Beijing of the last one)',
    }),
    extension: z
      .object({
        reason: z.string().optional().meta({ description: 'For the petition office and the holder only' }),
        by: z.string(),
        workingDays: z.number().int(),
      })
      .optional(),
    reply: z.object({ by: z.string(), at: z.string(), summaryRef: z.string() }).optional(),
    rating: z.object({ satisfied: z.boolean(), at: z.string() }).optional(),
    reopened: z.boolean().optional(),
    supervisionNotes: z.array(
      z.object({ by: z.string(), department: z.enum(DEPARTMENT_CODES), at: z.string(), noteRef: z.string() }),
    ),
    press: z
      .object({
        takenUp: z.object({ by: z.string(), at: z.string() }).optional(),
        calls: z.array(
          z.object({
            callKey: z.string(),
            by: z.string(),
            calledDepartment: z.enum(DEPARTMENT_CODES).optional(),
            calledOrganisation: z.string().optional(),
            answer: z.enum(PRESS_CALL_ANSWERS),
            at: z.string(),
          }),
        ),
        visits: z.array(z.object({ visitKey: z.string(), by: z.string(), at: z.string() })).optional(),
        published: z
          .object({
            by: z.string(),
            verdict: z.enum(PRESS_VERDICTS),
            headline: z.string(),
            url: z.string(),
            publishedAt: z.string(),
          })
          .optional(),
      })
      .optional()
      .meta({
        description: 'The newspaper’s public supervision desk (观观督办): its follow-up calls and its story',
      }),
    firstRepliedAt: z.string().optional(),
    completedAt: z.string().optional(),
    reviews: z
      .array(
        z.object({
          level: z.enum(['review', 're-review']),
          requestedAt: z.string(),
          outcome: z.enum(['upheld', 'changed']).optional(),
          by: z.string().optional(),
          decidedAt: z.string().optional(),
          opinionRef: z.string().optional(),
        }),
      )
      .optional()
      .meta({ description: 'Review (复查) and re-review (复核); nothing is reopened after the re-review' }),
  },
);

export const petitionPostSchema = z
  .object({
    caseId: z.string(),
    text: z.string(),
    location: z.string(),
    receivedAt: z.string(),
    contact: z
      .object({ name: z.string(), phone: z.string() })
      .nullable()
      .meta({ description: 'Masked; null for a report (举报) to anyone outside the petition office' }),
    masked: z.boolean(),
  })
  .meta({ id: 'PetitionPost' });

export const routeParamsSchema = z
  .object({ district: districtSchema, category: z.enum(PETITION_CATEGORIES) })
  .strict();

export const setRouteSchema = z
  .object({
    department: z
      .enum(DEPARTMENT_CODES)
      .meta({ enum: [...HANDLING_DEPARTMENTS], description: 'A department that handles petitions' }),
  })
  .strict()
  .meta({ id: 'SetRoute' });

export const routesSchema = z
  .object({
    routes: z.array(
      z.object({
        category: z.enum(PETITION_CATEGORIES),
        district: districtSchema,
        department: z.enum(DEPARTMENT_CODES),
        updatedBy: z.string(),
      }),
    ),
  })
  .meta({ id: 'PetitionRoutes' });

export const pressRecordSchema = z
  .object({
    calls: z.array(
      z.object({
        callKey: z.string(),
        caseId: z.string(),
        reporter: z.string(),
        calledDepartment: z.enum(DEPARTMENT_CODES).optional(),
        calledOrganisation: z.string().optional(),
        answer: z.enum(PRESS_CALL_ANSWERS),
        account: z.string(),
        calledAt: z.string(),
      }),
    ),
    takenUp: z
      .object({ caseId: z.string(), reporter: z.string(), account: z.string(), takenUpAt: z.string() })
      .nullable(),
    visits: z.array(
      z.object({
        visitKey: z.string(),
        caseId: z.string(),
        reporter: z.string(),
        place: z.string(),
        seen: z.string(),
        visitedAt: z.string(),
      }),
    ),
    published: z
      .object({
        caseId: z.string(),
        reporter: z.string(),
        verdict: z.enum(PRESS_VERDICTS),
        headline: z.string(),
        url: z.string(),
        publishedAt: z.string(),
      })
      .nullable(),
  })
  .meta({ id: 'PressRecord' });
