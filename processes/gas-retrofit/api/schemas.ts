/** The retrofit's request and response schemas. Every object is `.strict()`: an unknown field is refused, never dropped. */
import { z } from 'zod';
import { caseSchema, dayString, text } from '../../../api/schemas';
import { NATIONAL_ID_RULES, nationalIdProblem } from '../../../api/personal-data/national-id';
import { CHANGE_REASON_RULE } from './refusals';
import { PERSONAL_DATA_KEY_RULE, personalDataInKey } from '../../../api/personal-data/business-key';
import {
  checkItems,
  PARTIES,
  PRICED_ITEMS,
  SettlementRuleError,
  type RetrofitItems,
} from '../workflow/settlement';
import { CHANNELS, RETROFIT_DISTRICT_CODES } from '../../../workflows/definitions';
import {
  CAMPAIGN_ID_PATTERN,
  CANCELLATION_REASONS,
  GAS_ACCOUNT_REF_PATTERN,
  GAS_RETROFIT_ACTIONS,
  GAS_RETROFIT_STAGES,
  GAS_USER_TYPES,
  INELIGIBILITY_REASONS,
  type GasUserType,
} from '../workflow/contract';
/** The retrofit campaign covers the eight urban districts only (docs/sources.md, gas-safety retrofit). */
const retrofitDistrictSchema = z
  .enum(RETROFIT_DISTRICT_CODES, {
    error: `must be one of the retrofit campaign’s eight urban districts: ${RETROFIT_DISTRICT_CODES.join(', ')}`,
  })
  .meta({ id: 'RetrofitDistrict', description: 'One of the eight urban districts in the retrofit campaign' });

/** The domain's rule of which work each user type gets, reported on the field that breaks it. */
function itemsFitUserType(body: { userType: GasUserType; items: RetrofitItems }, ctx: z.RefinementCtx): void {
  try {
    checkItems(body.userType, body.items);
  } catch (error) {
    if (!(error instanceof SettlementRuleError)) throw error;
    ctx.addIssue({ code: 'custom', path: error.field.split('.'), message: error.rule });
  }
}

/**
 * The same rule as `itemsFitUserType`, in JSON Schema for the OpenAPI document, so a client's generated validator
 * refuses what the API refuses: which items each user type may and must have.
 */
const whenUserType = (types: readonly GasUserType[], items: object) => ({
  if: { properties: { userType: { enum: types } }, required: ['userType'] },
  then: { properties: { items } },
});
const ITEMS_FIT_USER_TYPE = {
  allOf: [
    whenUserType(['new-build-residential'], { properties: { valve: { const: true } } }),
    whenUserType(['residential-lpg'], { properties: { valve: { const: false } } }),
    whenUserType(['residential-pipeline', 'residential-lpg'], {
      anyOf: [{ properties: { valve: { const: true } } }, { required: ['hoseLengthM'] }],
    }),
    whenUserType(['non-residential-pipeline', 'non-residential-lpg'], {
      properties: { valve: { const: false } },
    }),
    // A metal hose is mandatory there: one to fit, or one in place already (never both).
    whenUserType(['new-build-residential', 'non-residential-pipeline', 'non-residential-lpg'], {
      oneOf: [
        {
          required: ['hoseLengthM'],
          not: { properties: { metalHoseInPlace: { const: true } }, required: ['metalHoseInPlace'] },
        },
        {
          properties: { metalHoseInPlace: { const: true } },
          required: ['metalHoseInPlace'],
          not: { required: ['hoseLengthM'] },
        },
      ],
    }),
    whenUserType(['residential-pipeline', 'residential-lpg'], {
      not: { properties: { metalHoseInPlace: { const: true } }, required: ['metalHoseInPlace'] },
    }),
  ],
};

const retrofitItemsSchema = z
  .object({
    valve: z.boolean().meta({ description: 'Fit a self-closing valve (自闭阀)' }),
    // The settlement's own rule in the document's words: 0.1 m to 20 m, one decimal at most.
    hoseLengthM: z
      .number()
      .min(0.1)
      .max(20)
      .multipleOf(0.1, 'must have at most one decimal')
      .optional()
      .meta({
        description: 'Metal hose length in metres (one decimal); omit when no hose is fitted',
        example: 2.5,
        // zod-to-openapi leaves multipleOf out of the document; said here so clients generate what is accepted.
        multipleOf: 0.1,
      }),
    metalHoseInPlace: z.boolean().optional().meta({
      description: 'Non-residential users only: the hose is metal already, so none is fitted or listed',
    }),
  })
  .strict()
  .meta({ id: 'RetrofitItems' });

const CHINESE_PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;

const serviceContactSchema = z
  .object({
    name: text(1, 40),
    phone: z
      .string()
      .regex(CHINESE_PHONE, 'must be a mainland mobile (11 digits) or landline with area code'),
    address: text(4, 200),
    idNumber: z
      .string()
      .trim()
      .toUpperCase()
      .superRefine((value, ctx) => {
        const problem = nationalIdProblem(value);
        if (problem) ctx.addIssue({ code: 'custom', message: NATIONAL_ID_RULES[problem] });
      })
      .optional()
      .meta({
        description:
          'Resident identity card number (GB 11643-1999): 17 digits and a digit or X; its region, birth date and ' +
          'check character are checked too',
        pattern: '^\\s*[0-9]{17}[0-9Xx]\\s*$',
      }),
  })
  .strict()
  .meta({
    id: 'ServiceContact',
    description: 'Personal data: kept by the gas company, never sent to Temporal',
  });

export const changeContactSchema = z
  .object({
    contact: serviceContactSchema,
    reason: text(2, 300)
      .refine((reason) => personalDataInKey(reason) === undefined, CHANGE_REASON_RULE)
      .meta({ description: 'Why the contact changes (kept in the audit log)' }),
  })
  .strict()
  .meta({ id: 'ContactChange' });

export const serviceContactViewSchema = z
  .object({
    caseId: z.string(),
    masked: z.boolean(),
    contact: z.object({
      name: z.string(),
      phone: z.string(),
      address: z.string(),
      idNumber: z.string().optional(),
    }),
  })
  .meta({
    id: 'ServiceContactView',
    description:
      'Masked (`138****5678`, `410105********1234`) unless unmasked with the permission, which is audited',
  });

export const startGasRetrofitHouseholdSchema = z
  .object({
    district: retrofitDistrictSchema,
    accountRef: z
      .string()
      .regex(
        GAS_ACCOUNT_REF_PATTERN,
        'must be 4-32 upper-case letters, digits or dashes (the gas account number)',
      )
      .refine((key) => personalDataInKey(key) === undefined, PERSONAL_DATA_KEY_RULE)
      .meta({
        description: "The gas company's account reference (a business key, not personal data)",
        example: 'JS-000001',
      }),
    userType: z.enum(GAS_USER_TYPES),
    channel: z
      .enum(CHANNELS)
      .meta({ description: 'Where the request came in: 郑好办 app, website, hall window or kiosk' }),
    items: retrofitItemsSchema,
    contact: serviceContactSchema,
  })
  .strict()
  .superRefine(itemsFitUserType)
  .meta({ id: 'StartGasRetrofitHousehold', ...ITEMS_FIT_USER_TYPE });

export const gasRetrofitCaseSchema = caseSchema(
  {
    id: 'GasRetrofitCase',
    process: 'gas-retrofit-household',
    district: retrofitDistrictSchema,
    stages: GAS_RETROFIT_STAGES,
    actions: GAS_RETROFIT_ACTIONS,
  },
  {
    accountRef: z.string(),
    userType: z.enum(GAS_USER_TYPES),
    channel: z.enum(CHANNELS),
    items: retrofitItemsSchema.optional(),
    booking: z.object({ bookingId: z.string(), teamId: z.string(), day: z.string() }).optional(),
    settlement: z
      .object({ totalFen: z.number().int(), totals: z.record(z.string(), z.number().int()) })
      .optional()
      .meta({ description: 'Each party’s share in fen, once the case is priced' }),
    tenderWait: z
      .object({ missing: z.array(z.enum(PRICED_ITEMS)), since: z.string() })
      .optional()
      .meta({ description: 'While settlement waits for the district’s tender price: the items without one' }),
    eligibility: z
      .object({
        outcome: z.enum(['eligible', 'ineligible']),
        reason: z.enum(INELIGIBILITY_REASONS).optional(),
        checkedAt: z.string(),
        checkId: z.string(),
      })
      .optional(),
  },
);

const note = text(1, 500);
const serial = text(1, 64);

/** Bodies of the decisions on a household case (the actor comes from the token, never from the body). */
export const gasRetrofitActionBodies = {
  reschedule: z.object({ preferredDay: dayString.optional() }).strict(),
  'record-miss': z.object({ note: note.optional() }).strict(),
  'report-installation': z
    .object({
      serials: z
        .object({ valve: serial, hose: serial, alarm: serial, shutoffValve: serial })
        .partial()
        .strict(),
    })
    .strict(),
  acceptance: z.object({ result: z.enum(['pass', 'fail']), reason: note.optional() }).strict(),
  'grid-follow-up': z.object({ outcome: z.enum(['rebook', 'withdrawn']), note: note.optional() }).strict(),
  'resolve-incident': z.object({ action: z.enum(['retry', 'compensate']) }).strict(),
  cancel: z.object({ reason: z.enum(CANCELLATION_REASONS) }).strict(),
  'record-calibration': z.object({ certificateRef: text(1, 64) }).strict(),
} as const;

const fen = z
  .number()
  .int('must be a whole number of fen')
  .positive('must be more than 0 fen')
  .max(100_000_000);

export const tenderPricesSchema = z
  .object({
    tenderRef: text(1, 64).meta({ description: 'Tender (招标) reference' }),
    prices: z
      .object({
        valve: fen.optional(),
        hose: fen.optional(),
        hoseExtraPerMetre: fen.optional(),
        alarm: fen.optional(),
        shutoffValve: fen.optional(),
      })
      .strict()
      .refine((prices) => Object.keys(prices).length > 0, 'must set at least one item')
      .meta({ minProperties: 1 }),
  })
  .strict()
  .meta({ id: 'TenderPrices', description: 'Prices in fen; items not named keep their current price' });

const priceListSchema = z.partialRecord(z.enum(PRICED_ITEMS), z.number().int());
const sharesSchema = z.object(Object.fromEntries(PARTIES.map((party) => [party, z.number().int()])));

export const currentTenderPricesSchema = z
  .object({
    district: retrofitDistrictSchema,
    prices: priceListSchema,
    tenderRef: z.string().nullable().meta({ description: 'The newest tender reference; null before any' }),
  })
  .meta({ id: 'CurrentTenderPrices' });

export const tenderPricesSetSchema = currentTenderPricesSchema
  .extend({
    wakeUpJobId: z
      .string()
      .nullable()
      .meta({
        description:
          'The Temporal batch job that wakes the district’s cases awaiting a tender price; null if it could ' +
          'not be started (the cases look again daily on their own)',
      }),
  })
  .meta({ id: 'TenderPricesSet' });

export const quoteSchema = z
  .object({
    priceBasis: z.object({
      basis: z.enum(['tender', 'estimate', 'mixed']),
      sources: z.partialRecord(z.enum(PRICED_ITEMS), z.enum(['tender', 'estimate'])),
      prices: priceListSchema,
      tenderRef: z.string().nullable(),
    }),
    settlement: z.object({
      lines: z.array(
        z.object({
          item: z.string(),
          unitPriceFen: z.number().int(),
          quantity: z.string(),
          costFen: z.number().int(),
          shares: sharesSchema,
        }),
      ),
      totals: sharesSchema,
      totalFen: z.number().int(),
    }),
    finalSettlement: z.literal('at-tender-price').meta({
      description:
        'The case is settled at the district’s tender price (最终以招标价格结算); a quote on the estimate is a guide',
    }),
  })
  .meta({ id: 'Quote' });

export const quoteRequestSchema = z
  .object({
    district: retrofitDistrictSchema,
    userType: z.enum(GAS_USER_TYPES).exclude(['new-build-residential']),
    items: retrofitItemsSchema,
  })
  .strict()
  .superRefine(itemsFitUserType)
  .meta({ id: 'QuoteRequest', ...ITEMS_FIT_USER_TYPE });

export const districtParamsSchema = z.object({ district: retrofitDistrictSchema }).strict();

export const startCampaignSchema = z
  .object({
    district: retrofitDistrictSchema,
    campaignId: z
      .string()
      .regex(CAMPAIGN_ID_PATTERN, 'must be 2-40 lower-case letters, digits or dashes, e.g. spring-2026'),
    householdsPerMinute: z.number().int().min(1).max(10_000).default(60),
    pageSize: z.number().int().min(1).max(1_000).default(100),
  })
  .strict()
  .meta({ id: 'StartCampaign' });

export const campaignWorkflowIdParamsSchema = z
  .object({
    workflowId: z.string().min(1).max(120).meta({
      description:
        'The campaign’s workflow ID as its start answered it, e.g. gas-retrofit-campaign:jinshui:spring-2026',
    }),
  })
  .strict();

const campaignKeySchema = {
  campaignId: z.string().meta({ description: 'The campaign ID the start named, e.g. spring-2026' }),
  workflowId: z.string().meta({ description: 'The campaign’s workflow ID; its URL is under this' }),
  district: retrofitDistrictSchema,
};

export const campaignStartedSchema = z
  .object({
    ...campaignKeySchema,
    status: z.enum(['started', 'existing']),
    links: z.object({ self: z.string() }),
  })
  .meta({ id: 'CampaignStarted' });

export const campaignProgressSchema = z
  .object({
    cursor: z
      .string()
      .nullable()
      .meta({ description: 'The last account handled; the next page starts after it' }),
    started: z.number().int(),
    alreadyStarted: z.number().int(),
    pages: z.number().int(),
    paused: z.boolean(),
    finished: z.boolean(),
    lastDecision: z
      .object({ action: z.enum(['pause', 'resume']), by: z.string(), at: z.string() })
      .optional(),
  })
  .meta({ id: 'CampaignProgress', description: 'What the campaign workflow has done' });

export const campaignReportSchema = z
  .object({
    ...campaignKeySchema,
    workflowStatus: z.string().meta({ description: 'Temporal execution status: RUNNING, COMPLETED, ...' }),
    progress: campaignProgressSchema,
    casesByStage: z
      .record(z.string(), z.number().int())
      .meta({ description: 'The campaign’s cases per stage' }),
    settledFen: z
      .object(Object.fromEntries(PARTIES.map((party) => [party, z.number().int()])))
      .meta({ description: 'Net fen booked per party (bookings less reversals) for the campaign’s cases' }),
  })
  .meta({ id: 'CampaignReport' });
