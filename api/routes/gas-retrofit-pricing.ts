import { Router } from 'express';
import {
  computeSettlement,
  resolvePriceBasis,
  SettlementRuleError,
} from '../../workflows/gas-retrofit/settlement';
import { actorOf, authorize, type AccessRule } from '../auth';
import type { ApiDeps } from '../deps';
import { ConflictError } from '../errors';
import { anyJsonObject, COMMON_ERROR_RESPONSES, jsonContent, type ApiRoute } from '../openapi';
import { districtParamsSchema, quoteRequestSchema, tenderPricesSchema } from '../schemas';
import { parse } from '../validation';

const QUOTE = '/v1/gas-retrofit/quote';
const TENDER_PRICES = '/v1/gas-retrofit/tender-prices';

/** Only finance sets prices: the district's own bureau, or the city's. */
const SET_PRICES: AccessRule = { roles: ['finance'], departments: ['district-finance', 'city-finance'] };
const READ_PRICES: AccessRule = { roles: ['clerk', 'supervisor', 'auditor', 'finance'] };

export const gasRetrofitPricingRoutes: ApiRoute[] = [
  {
    method: 'post',
    path: QUOTE,
    summary: "For the window clerk: each party's share in fen and the price basis. No case is started.",
    security: [{ bearer: [] }],
    request: { body: jsonContent(quoteRequestSchema) },
    responses: {
      200: { description: 'The quote', ...jsonContent(anyJsonObject) },
      409: COMMON_ERROR_RESPONSES[403],
      ...COMMON_ERROR_RESPONSES,
    },
  },
  {
    method: 'put',
    path: `${TENDER_PRICES}/{district}`,
    summary: "Set a district's tender prices (finance only); cases already priced keep their price",
    security: [{ bearer: [] }],
    request: { params: districtParamsSchema, body: jsonContent(tenderPricesSchema) },
    responses: {
      200: { description: 'The district’s current prices', ...jsonContent(anyJsonObject) },
      ...COMMON_ERROR_RESPONSES,
    },
  },
  {
    method: 'get',
    path: `${TENDER_PRICES}/{district}`,
    summary: "A district's current tender prices",
    security: [{ bearer: [] }],
    request: { params: districtParamsSchema },
    responses: {
      200: { description: 'The district’s current prices', ...jsonContent(anyJsonObject) },
      ...COMMON_ERROR_RESPONSES,
    },
  },
];

export function gasRetrofitPricingRouter({ adapters }: ApiDeps): Router {
  const router = Router();

  router.post(QUOTE, async (req, res) => {
    const body = parse(quoteRequestSchema, req.body);
    authorize(actorOf(res), READ_PRICES);
    const tender = await adapters.districtFinance.currentTenderPrices(body.district);
    const priceBasis = resolvePriceBasis(tender.prices, tender.tenderRef);
    try {
      res.json({
        priceBasis,
        settlement: computeSettlement(body.userType, body.items, priceBasis.prices),
      });
    } catch (error) {
      if (error instanceof SettlementRuleError) throw new ConflictError(`${error.field}: ${error.rule}`);
      throw error;
    }
  });

  router.put(`${TENDER_PRICES}/:district`, async (req, res) => {
    const { district } = parse(districtParamsSchema, req.params, 'params');
    const actor = actorOf(res);
    authorize(actor, SET_PRICES, district);
    const body = parse(tenderPricesSchema, req.body);
    res.json(
      await adapters.districtFinance.setTenderPrices({
        district,
        prices: body.prices,
        tenderRef: body.tenderRef,
        setBy: actor.userId,
      }),
    );
  });

  router.get(`${TENDER_PRICES}/:district`, async (req, res) => {
    const { district } = parse(districtParamsSchema, req.params, 'params');
    authorize(actorOf(res), READ_PRICES);
    res.json(await adapters.districtFinance.currentTenderPrices(district));
  });

  return router;
}
