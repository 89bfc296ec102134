/** The catalogue's request and response schemas: a policy's terms as its issuing department writes them. */
import { z } from 'zod';
import { dayString, districtSchema, text } from '../../../api/schemas';
import { DEPARTMENT_CODES, DISTRICT_CODES } from '../../../workflows/definitions';
import { COUNTABLE_FACTS, FACT_NAMES } from '../policy/facts';
import { POLICY_ISSUERS } from '../workflow/rules';
import { LOGIC_REFUSALS, ruleProblems } from '../policy/rule-language';
import type { Refusal } from '../../../api/openapi';
import {
  BUDGET_EXHAUSTION_RULES,
  POLICY_KINDS,
  POLICY_MODES,
  REVIEW_MODES,
  type PolicyTerms,
} from '../../../activities/adapters/policy-catalogue/terms';

const MAX_FEN = 100_000_000_000; // ¥1 billion: more than any one policy's year
const fen = z.number().int('must be a whole number of fen').positive('must be more than 0 fen').max(MAX_FEN);
const countedFact = z
  .enum(COUNTABLE_FACTS as [string, ...string[]])
  .meta({ description: 'The fact the amount is counted on (a number)' });

/** The terms' rules across fields, which JSON Schema cannot say. */
const TERMS_RULES = {
  scopeOnce: { field: 'scope', rule: 'each district is listed once', zh: '每个区县只能列一次' },
  districtOwnScope: {
    field: 'scope',
    rule: 'a district’s policy serves its own district only',
    zh: '区县政策只适用于本区县',
  },
  windowOrder: { field: 'window.closes', rule: 'must not be before opens', zh: '不得早于开始日期' },
  honourPaysNothing: {
    field: 'amount.kind',
    rule: 'an honour pays nothing (none), and only an honour',
    zh: '荣誉类政策不兑现资金（none），且只有荣誉类如此',
  },
  materialsNamed: {
    field: 'materials',
    rule: 'an application-mode policy names the materials it asks for',
    zh: '申报类政策须列明所需材料',
  },
} as const satisfies Record<string, Refusal>;

/** What saving a policy is refused for beyond its schema: the rules across fields, and a rule's logic. */
export const POLICY_TERMS_REFUSALS: readonly Refusal[] = [
  ...Object.values(TERMS_RULES),
  ...LOGIC_REFUSALS.map((rule) => ({ field: 'eligibility.*.logic', rule })),
];

const logicSchema = z
  .unknown()
  .superRefine((logic, ctx) => {
    for (const problem of ruleProblems(logic)) ctx.addIssue({ code: 'custom', message: problem });
  })
  .meta({
    description:
      'JsonLogic (jsonlogic.com) over the named facts, with the operators var == != < <= > >= and or ! !! in if ' +
      `+ - * / min max; the facts: ${FACT_NAMES.join(', ')}`,
    example: { '>=': [{ var: 'hr.insuredEmployees' }, 10] },
  });

const amountSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('fixed'), fen }).strict(),
    z
      .object({ kind: z.literal('per-unit'), fact: countedFact, fenPerUnit: fen, capFen: fen.optional() })
      .strict(),
    z
      .object({
        kind: z.literal('percentage'),
        fact: countedFact,
        basisPoints: z.number().int().min(1).max(10_000).meta({ description: '1 = 0.01 %' }),
        capFen: fen,
      })
      .strict(),
    z.object({ kind: z.literal('none') }).strict(),
  ])
  .meta({
    description:
      'Fixed, per unit of a fact (with an optional cap), a percentage of a fact with a cap, or none',
  });

const YEAR_KEY_PATTERN = /^20\d\d$/;
const yearKey = z.string().regex(YEAR_KEY_PATTERN, 'must be a year 2000-2099');

export const policyTermsSchema = z
  .object({
    title: text(4, 120),
    legalBasis: text(4, 200).meta({ description: 'The document it rests on, e.g. 郑政〔2025〕12号' }),
    issuer: z
      .object({
        department: z
          .enum(POLICY_ISSUERS)
          .meta({ description: 'The issuing department, whose supervisor maintains it' }),
        area: z
          .enum([...DISTRICT_CODES, 'city'])
          .meta({ description: '`city`, or the district whose policy it is' }),
      })
      .strict(),
    kind: z.enum(POLICY_KINDS),
    mode: z.enum(POLICY_MODES).meta({ description: 'automatic: 免申即享, found and paid without applying' }),
    scope: z.array(districtSchema).min(1).max(DISTRICT_CODES.length).meta({ uniqueItems: true }),
    eligibility: z
      .array(z.object({ name: text(2, 80), logic: logicSchema }).strict())
      .min(1)
      .max(20),
    amount: amountSchema,
    window: z.object({ opens: dayString, closes: dayString }).strict(),
    review: z.enum(REVIEW_MODES),
    noticeWorkingDays: z.number().int().min(0).max(30).meta({
      description:
        'The public notice (公示) of the payee list, working days; 0 where the policy document sets no notice of its own',
    }),
    confirmWorkingDays: z.number().int().min(2).max(60),
    materials: z.array(text(2, 60)).max(30).meta({ uniqueItems: true }),
    whenBudgetRunsOut: z.enum(BUDGET_EXHAUSTION_RULES),
    budgets: z.record(yearKey, fen).meta({
      description: 'The budget per year, fen',
      example: { '2026': 50_000_000 },
      propertyNames: { pattern: YEAR_KEY_PATTERN.source },
    }),
  })
  .strict()
  .superRefine((terms, ctx) => {
    const problem = ({ field, rule }: Refusal) =>
      ctx.addIssue({ code: 'custom', path: field.split('.'), message: rule });
    if (new Set(terms.scope).size !== terms.scope.length) problem(TERMS_RULES.scopeOnce);
    if (terms.issuer.area !== 'city' && terms.scope.some((district) => district !== terms.issuer.area)) {
      problem(TERMS_RULES.districtOwnScope);
    }
    if (terms.window.closes < terms.window.opens) problem(TERMS_RULES.windowOrder);
    if ((terms.kind === 'honour') !== (terms.amount.kind === 'none')) problem(TERMS_RULES.honourPaysNothing);
    if (terms.mode === 'application' && terms.materials.length === 0) problem(TERMS_RULES.materialsNamed);
  })
  .meta({ id: 'PolicyTerms' }) satisfies z.ZodType<PolicyTerms>;

export const policyIdParamsSchema = z
  .object({
    policyId: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{2,39}$/, 'must be 3-40 lower-case letters, digits and hyphens')
      .meta({ description: 'The catalogue’s key for the policy, e.g. gaoxin-rd-2026' }),
  })
  .strict();

export const policyVersionSchema = z
  .object({
    policyId: z.string(),
    version: z.number().int(),
    ruleLanguage: z.string(),
    terms: policyTermsSchema,
    savedBy: z.string(),
    savedAt: z.string(),
  })
  .meta({ id: 'PolicyVersion' });

export const policyListSchema = z
  .object({
    policies: z.array(
      z.object({
        policyId: z.string(),
        version: z.number().int(),
        title: z.string(),
        issuer: z.object({ department: z.enum(DEPARTMENT_CODES), area: z.enum([...DISTRICT_CODES, 'city']) }),
        kind: z.enum(POLICY_KINDS),
        mode: z.enum(POLICY_MODES),
      }),
    ),
  })
  .meta({ id: 'PolicyList' });

export const roundsRequestSchema = z
  .object({
    districts: z
      .array(districtSchema)
      .min(1)
      .max(DISTRICT_CODES.length)
      .optional()
      .meta({ uniqueItems: true, description: 'The districts to run; all the policy serves by default' }),
    perMinute: z
      .number()
      .int()
      .min(1)
      .max(100_000)
      .default(6_000)
      .meta({ description: 'Enterprises judged per minute at most' }),
    pageSize: z.number().int().min(1).max(1_000).default(200),
  })
  .strict()
  .meta({ id: 'StartPolicyRounds' });

export const roundsStartedSchema = z
  .object({
    rounds: z.array(
      z.object({ roundId: z.string(), district: districtSchema, status: z.enum(['started', 'existing']) }),
    ),
  })
  .meta({ id: 'PolicyRoundsStarted' });

export const roundParamsSchema = policyIdParamsSchema.extend({ district: districtSchema }).strict();

export const roundProgressSchema = z
  .object({
    roundId: z.string(),
    workflowStatus: z.string(),
    progress: z.object({
      cursor: z.string().nullable(),
      started: z.number().int(),
      alreadyStarted: z.number().int(),
      pages: z.number().int(),
      paused: z.boolean(),
      finished: z.boolean(),
    }),
  })
  .meta({ id: 'PolicyRoundProgress' });

export const versionQuerySchema = z
  .object({ version: z.coerce.number().int('must be a whole number').min(1).optional() })
  .strict();
