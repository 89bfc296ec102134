/**
 * Registration (备案) of any childcare provider with the health commission, subsidised or not: the departments'
 * checks and the standards, then the provider's slots enter the registry that coverage counts. A step, not a case:
 * nothing waits on anyone. Keyed as the provider's application would be, so a provider that registers and later
 * applies for the subsidy is in the registry once.
 */
import { creditCodeRefusals } from '../../../api/schemas';
import { Router } from 'express';
import { z } from 'zod';
import { siteKeyOf } from '../site-key';
import { childcareApplicationWorkflowId } from '../workflow/contract';
import { registrationProblems } from '../workflow/registration-rules';
import { actorOf, authorize, type AccessRule } from '../../../api/auth';
import { childcareProviderSchema } from './schemas';
import type { ApiDeps } from '../../../api/deps';
import { RulesNotMetError } from '../../../api/errors';
import { errorResponse, jsonBody, jsonContent, type ApiRoute } from '../../../api/openapi';
import { parse } from '../../../api/validation';

const REGISTRATIONS = '/v1/childcare/registrations';
const REGISTER: AccessRule = { roles: ['clerk', 'supervisor'], departments: ['health-commission'] };

const registrationSchema = z
  .object({
    provider: childcareProviderSchema,
    standards: z
      .object({
        slots: z.number().int().min(1).max(2_000),
        monthlyPriceFen: z
          .number()
          .int()
          .min(0)
          .max(10_000_000)
          .meta({ description: 'Monthly price, meals included' }),
        monitoring24hWithAlarm: z.boolean(),
        videoCoversAllAreas: z.boolean(),
        recordingRetentionDays: z.number().int().min(0).max(3_650),
      })
      .strict(),
    year: z.number().int().min(2000).max(2100).optional().meta({
      description: 'The year whose price ceiling applies; this year by default',
    }),
  })
  .strict()
  .meta({ id: 'ChildcareRegistration' });

const registeredSchema = z
  .object({
    registrationId: z.string(),
    district: z.string(),
    kind: z.string(),
    level: z.string(),
    slots: z.number().int(),
    registeredAt: z.string(),
    status: z.enum(['registered', 'existing']),
  })
  .meta({ id: 'ChildcareRegistered' });

export const childcareRegistrationRoutes: ApiRoute[] = [
  {
    method: 'post',
    path: REGISTRATIONS,
    summary:
      'Register (备案) any childcare provider, subsidised or not: checks and standards, then the registry',
    security: [{ bearer: [] }],
    request: { body: jsonBody(registrationSchema) },
    refusals: creditCodeRefusals('provider.creditCode'),
    responses: {
      201: { description: 'Registered: its slots count towards coverage', ...jsonContent(registeredSchema) },
      200: {
        description: 'Registered already (by this step or its subsidy case)',
        ...jsonContent(registeredSchema),
      },
      422: errorResponse(
        'A department’s check or a standard is not met; each is named, nothing is registered',
      ),
    },
  },
];

export function childcareRegistrationRouter({ adapters }: ApiDeps): Router {
  return Router().post(REGISTRATIONS, async (req, res) => {
    const actor = actorOf(res);
    const { provider, standards, year = new Date().getFullYear() } = parse(registrationSchema, req.body);
    authorize(actor, REGISTER, provider.district);
    const siteKey = siteKeyOf(provider);
    const registrationId = childcareApplicationWorkflowId(provider.district, provider.creditCode, siteKey);
    // One row looked up, before any department is asked: a registered provider is answered as it stands.
    const [existing] = await adapters.healthCommission.registry({ caseId: registrationId });
    if (existing) {
      res.json({ registrationId, ...pick(existing), status: 'existing' });
      return;
    }
    const [registration, fireSafetySignOff, communityExists, ceiling] = await Promise.all([
      adapters.marketRegulation.registrationStatus(provider.creditCode),
      adapters.fireSafety.signOff(provider.creditCode, siteKey),
      adapters.civilAffairs.communityExists({
        district: provider.district,
        street: provider.street,
        community: provider.community,
      }),
      adapters.marketRegulation.childcarePriceCeiling(provider.district, year),
    ]);
    const problems = registrationProblems(standards, {
      registration,
      fireSafetySignOff,
      communityExists,
      priceCeilingFen: ceiling?.ceilingFen,
    });
    if (problems.length > 0) throw new RulesNotMetError(problems);
    const entry = {
      caseId: registrationId,
      creditCode: provider.creditCode,
      district: provider.district,
      street: provider.street,
      community: provider.community,
      kind: provider.kind,
      level: provider.level,
      slots: standards.slots,
      registeredAt: new Date().toISOString(),
    };
    await adapters.healthCommission.register(entry);
    res.status(201).json({ registrationId, ...pick(entry), status: 'registered' });
  });
}

const pick = ({
  district,
  kind,
  level,
  slots,
  registeredAt,
}: {
  district: string;
  kind: string;
  level: string;
  slots: number;
  registeredAt: string;
}) => ({ district, kind, level, slots, registeredAt });
