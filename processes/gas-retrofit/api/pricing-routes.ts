import { Router } from 'express';
import { tenderPricesSetSignal, GAS_RETROFIT_WORKFLOW_TYPES } from '../workflow/contract';
import { GAS_RETROFIT_DEPARTMENTS, TENDER_PRICE_SETTERS } from '../workflow/rules';
import { computeSettlement, resolvePriceBasis, SettlementRuleError } from '../workflow/settlement';
import { actorOf, authorize, authorizeByPermissions, type AccessRule } from '../../../api/auth';
import type { ApiDeps } from '../../../api/deps';
import { ConflictError } from '../../../api/errors';
import { errorResponse, jsonBody, jsonContent, type ApiRoute } from '../../../api/openapi';
import {
  districtParamsSchema,
  currentTenderPricesSchema,
  quoteRequestSchema,
  quoteSchema,
  tenderPricesSchema,
  tenderPricesSetSchema,
} from './schemas';
import { parse } from '../../../api/validation';
import { wakeCasesAtStage } from '../../../api/wake-cases';

const QUOTE = '/v1/gas-retrofit/quote';
const TENDER_PRICES = '/v1/gas-retrofit/tender-prices';

const READ_PRICES: AccessRule = {
  roles: ['clerk', 'supervisor', 'auditor', 'finance'],
  departments: GAS_RETROFIT_DEPARTMENTS,
};

const SELF_FUNDED_RULE =
  'non-residential users buy and pay for the alarm, the linked shut-off valve and the hose themselves ' +
  '(自行采购、自行承担): nothing is subsidised or settled, so there is nothing to quote';

export const gasRetrofitPricingRoutes: ApiRoute[] = [
  {
    method: 'post',
    path: QUOTE,
    summary:
      "For the window clerk: each party's share in fen at today's prices (the estimate until the district's " +
      'tender), and that the final settlement is at the tender price. No case is started.',
    security: [{ bearer: [] }],
    request: { body: jsonBody(quoteRequestSchema) },
    responses: {
      200: { description: 'The quote', ...jsonContent(quoteSchema) },
      409: errorResponse(
        'Nothing to quote: a non-residential user pays their suppliers directly, or the items break a settlement rule',
      ),
    },
  },
  {
    method: 'put',
    path: `${TENDER_PRICES}/{district}`,
    summary:
      "Set a district's tender prices (finance only). Cases already priced keep their price; cases awaiting a " +
      'tender price are woken and settle at it.',
    security: [{ bearer: [] }],
    request: { params: districtParamsSchema, body: jsonBody(tenderPricesSchema) },
    responses: {
      200: { description: 'The district’s current prices', ...jsonContent(tenderPricesSetSchema) },
    },
  },
  {
    method: 'get',
    path: `${TENDER_PRICES}/{district}`,
    summary: "A district's current tender prices",
    security: [{ bearer: [] }],
    request: { params: districtParamsSchema },
    responses: {
      200: { description: 'The district’s current prices', ...jsonContent(currentTenderPricesSchema) },
    },
  },
];

export function gasRetrofitPricingRouter({ adapters, client, logger }: ApiDeps): Router {
  const router = Router();

  router.post(QUOTE, async (req, res) => {
    const body = parse(quoteRequestSchema, req.body);
    authorize(actorOf(res), READ_PRICES);
    if (body.userType.startsWith('non-residential')) throw new ConflictError(`userType: ${SELF_FUNDED_RULE}`);
    const tender = await adapters.districtFinance.currentTenderPrices(body.district);
    const priceBasis = resolvePriceBasis(tender.prices, tender.tenderRef);
    try {
      res.json({
        priceBasis,
        settlement: computeSettlement(body.userType, body.items, priceBasis.prices),
        finalSettlement: 'at-tender-price',
      });
    } catch (error) {
      if (error instanceof SettlementRuleError) throw new ConflictError(`${error.field}: ${error.rule}`);
      throw error;
    }
  });

  router.put(`${TENDER_PRICES}/:district`, async (req, res) => {
    const { district } = parse(districtParamsSchema, req.params, 'params');
    const actor = actorOf(res);
    authorizeByPermissions(actor, TENDER_PRICE_SETTERS, district);
    const body = parse(tenderPricesSchema, req.body);
    const current = await adapters.districtFinance.setTenderPrices({
      district,
      prices: body.prices,
      tenderRef: body.tenderRef,
      setBy: actor.userId,
    });
    const wakeUpJobId = await wakeCasesAtStage(client, logger, {
      workflowType: GAS_RETROFIT_WORKFLOW_TYPES.household,
      district,
      stage: 'awaiting-tender-price',
      signal: tenderPricesSetSignal,
      reason: `tender prices ${body.tenderRef} set for ${district}`,
    });
    res.json({ ...current, wakeUpJobId: wakeUpJobId ?? null });
  });

  router.get(`${TENDER_PRICES}/:district`, async (req, res) => {
    const { district } = parse(districtParamsSchema, req.params, 'params');
    authorize(actorOf(res), READ_PRICES);
    res.json(await adapters.districtFinance.currentTenderPrices(district));
  });

  return router;
}
