/**
 * What a client needs to know of each kind of case to show it to a person: its name and its stages', decisions'
 * and tasks' names in the process's own Chinese words, where its cases are read and started, and who may take which
 * decision at which stage (the workflow's own rules table, so a client offers only the decisions its person may
 * take). `GET /v1/case-kinds` answers the list; the clerks' workbench is built on it and on the OpenAPI document.
 */
import { Router } from 'express';
import { z } from 'zod';
import type { DecisionRules } from '../workflows/kit/access';
import { DEPARTMENT_CODES, DEPARTMENTS, DISTRICTS, ROLE_NAMES, ROLES } from '../workflows/definitions';
import type { AccessRule } from './auth';
import { COMMON_FIELD_WORDS, COMMON_VALUE_WORDS, type FieldWords, type ValueWords } from './form-words';
import { jsonContent, type ApiRoute } from './openapi';

/** A process's own words for one kind of its cases, in Chinese. */
export interface CaseKindWords<Stage extends string, Action extends string, Kind extends string> {
  name: string;
  stages: Record<Stage, string>;
  actions: Record<Action, string>;
  taskKinds: Record<Kind, string>;
  /** Its start's and decisions' request fields, beyond the words all processes share (form-words.ts). */
  fields: FieldWords;
  /** Its coded values, per field name. */
  values?: ValueWords;
}

const labelsSchema = z.record(z.string(), z.string());
const permissionSchema = z.object({
  role: z.enum(ROLES),
  departments: z.array(z.enum(DEPARTMENT_CODES)).readonly(),
});

const caseKindSchema = z
  .object({
    process: z.string().meta({ description: 'The code the case registry and the task board carry' }),
    name: z.string(),
    casesPath: z.string().meta({ description: 'Cases are read at `{casesPath}/{caseId}`' }),
    startedBy: z
      .object({
        roles: z.array(z.enum(ROLES)).readonly(),
        departments: z.array(z.enum(DEPARTMENT_CODES)).readonly().optional(),
      })
      .optional()
      .meta({ description: 'Who may start a case with `POST {casesPath}`; absent where staff start none' }),
    stages: labelsSchema,
    actions: labelsSchema,
    taskKinds: labelsSchema,
    fields: labelsSchema.meta({
      description: 'Request fields by name, for forms built from the OpenAPI document',
    }),
    values: z
      .record(z.string(), labelsSchema)
      .meta({ description: 'Coded values by field name, then by code' }),
    personalData: z
      .object({
        path: z.string().meta({ description: 'Read at `{casesPath}/{caseId}{path}`, masked' }),
        name: z.string(),
        unmaskable: z.boolean().meta({
          description:
            'Whether `?unmasked=true` may be asked (with the permission; every such read is audited)',
        }),
      })
      .optional()
      .meta({ description: 'Where the personal data of a case is read, for those whose work needs it' }),
    rules: z
      .record(
        z.string(),
        z.object({
          permissions: z.array(permissionSchema).readonly(),
          stages: z.array(z.string()).readonly(),
        }),
      )
      .meta({ description: 'Per decision: who may take it (any one permission) and at which stages' }),
  })
  .meta({ id: 'CaseKind' });
export type CaseKind = z.infer<typeof caseKindSchema>;

export const caseKindsSchema = z
  .object({
    kinds: z.array(caseKindSchema),
    departments: labelsSchema,
    districts: labelsSchema,
    roles: labelsSchema,
  })
  .meta({ id: 'CaseKinds' });

/** One kind of case, from its routes' spec, its words and its rules table. */
export function caseKindOf<Action extends string, Stage extends string, Kind extends string>(
  spec: { decisions: { casesPath: string }; start?: { access: AccessRule } },
  process: string,
  words: CaseKindWords<Stage, Action, Kind>,
  rules: DecisionRules<Action, Stage>,
  personalData?: CaseKind['personalData'],
): CaseKind {
  return {
    process,
    ...(personalData ? { personalData } : {}),
    casesPath: spec.decisions.casesPath,
    ...(spec.start ? { startedBy: spec.start.access } : {}),
    ...words,
    fields: { ...COMMON_FIELD_WORDS, ...words.fields },
    values: { ...COMMON_VALUE_WORDS, ...words.values },
    rules,
  };
}

const CASE_KINDS_PATH = '/v1/case-kinds';

export const caseKindRoutes: ApiRoute[] = [
  {
    method: 'get',
    path: CASE_KINDS_PATH,
    summary:
      'Every kind of case: its Chinese names (stages, decisions, tasks), where its cases are, who decides what when',
    security: [{ bearer: [] }],
    responses: { 200: { description: 'The kinds of case', ...jsonContent(caseKindsSchema) } },
  },
];

export function caseKindRouter(kinds: readonly CaseKind[]): Router {
  const answer = { kinds, departments: DEPARTMENTS, districts: DISTRICTS, roles: ROLE_NAMES };
  return Router().get(CASE_KINDS_PATH, (_req, res) => {
    res.json(answer);
  });
}
