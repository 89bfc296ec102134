import express, { type Express, type RequestHandler } from 'express';
import helmet from 'helmet';
import swaggerUi from 'swagger-ui-express';
import { codecRouter } from './codec/codec-router';
import { scopeReaders } from './codec/codec-scopes';
import { authenticate } from './auth';
import type { ApiDeps } from './deps';
import { perUserRateLimit } from './rate-limit';
import { errorHandler, notFoundHandler } from './error-middleware';
import { createOpenApiDocument, type ApiRoute } from './openapi';
import { jsonBodiesOnly, JSON_MEDIA_TYPES, methodNotAllowed, unknownPathsFirst } from './request-shape';
import { calendarRouter, calendarRoutes } from './routes/calendar';
import { healthRouter, healthRoutes } from './routes/health';
import { taskRouter, taskRoutes } from './routes/tasks';
import { accessLog } from './access-log';
import { caseKindRouter, caseKindRoutes } from './case-kinds';
import { chineseRules } from './chinese-refusals';
import { httpMetrics } from './metrics/http-metrics';
import { traceRoute } from './trace-route';
import { workbenchRouter } from './workbench/workbench-router';
import type { IdentityProviderSettings } from './provider-tokens';
import { PROCESS_MODULES } from '../processes';

const PROCESS_APIS = PROCESS_MODULES.flatMap((module) => module.api);

const SCOPE_READERS = scopeReaders(PROCESS_MODULES.map((module) => module.payloadScope));

/** Every operation the API has: its OpenAPI document, and its 405 answers, are built from this one list. */
export const API_ROUTES: readonly ApiRoute[] = [
  ...healthRoutes,
  ...taskRoutes,
  ...caseKindRoutes,
  ...calendarRoutes,
  ...PROCESS_APIS.flatMap((api) => api.routes),
];

const CHINESE_RULES = chineseRules(API_ROUTES);

/**
 * The usual security headers on every answer (helmet). No page of the API may be framed: the codec sign-in page
 * takes a bearer token, so clickjacking it must be impossible. The API is served over plain HTTP on a developer's
 * machine, so requests are not upgraded to HTTPS here (a TLS-terminating proxy does that in production).
 */
function securityHeaders(provider: IdentityProviderSettings | undefined) {
  // The workbench fetches the provider's discovery document and exchanges its code at the provider's token endpoint.
  const connectSrc = ["'self'", ...(provider ? [new URL(provider.issuer).origin] : [])];
  return helmet({
    contentSecurityPolicy: {
      directives: { frameAncestors: ["'none'"], connectSrc, upgradeInsecureRequests: null },
    },
    frameguard: { action: 'deny' },
  });
}

const noStore: RequestHandler = (_req, res, next) => {
  res.setHeader('Cache-Control', 'no-store');
  next();
};

/** Builds the HTTP API without listening, so tests drive it with supertest and server.ts owns the socket. */
export function createApp(deps: ApiDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  // Answers under /v1 are one person's view of cases: never kept by a browser or a proxy, never answered 304.
  app.set('etag', false);
  app.set('trust proxy', false);
  app.use(accessLog(deps.logger));
  if (deps.metrics) app.use(httpMetrics(deps.metrics));
  app.use(securityHeaders(deps.jwt.provider));
  // Before the JSON parser: the codec server has its own body limit (a history page of payloads) and CORS.
  app.use(
    codecRouter({
      codec: deps.codec,
      jwt: deps.jwt,
      auditLog: deps.adapters.auditLog,
      scopeReaders: SCOPE_READERS,
    }),
  );
  if (deps.workbench) app.use(workbenchRouter(deps.workbench, deps.jwt));
  app.use(unknownPathsFirst(API_ROUTES));
  app.use(traceRoute());
  app.use(jsonBodiesOnly());
  app.use(express.json({ limit: deps.bodyLimit, strict: true, type: JSON_MEDIA_TYPES }));

  const openApiDocument = createOpenApiDocument(API_ROUTES);
  app.get('/openapi.json', (_req, res) => {
    res.json(openApiDocument);
  });
  app.use('/docs', swaggerUi.serve, swaggerUi.setup(openApiDocument, { customSiteTitle: 'OneThing API' }));

  app.use(healthRouter(deps));
  // Every /v1 route: authenticated once here, then counted against the caller's own rate limit.
  app.use('/v1', noStore, authenticate(deps.jwt), perUserRateLimit(deps.rateLimit));
  app.use(taskRouter(deps));
  app.use(caseKindRouter(PROCESS_MODULES.flatMap((module) => module.caseKinds)));
  app.use(calendarRouter(deps));
  for (const api of PROCESS_APIS) app.use(api.router(deps));

  app.use(methodNotAllowed(API_ROUTES));
  app.use(notFoundHandler());
  app.use(errorHandler(deps.logger, deps.adapters.auditLog, CHINESE_RULES));
  return app;
}
