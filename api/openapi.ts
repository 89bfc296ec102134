/**
 * The OpenAPI document, built from each router's route list. A route declares its success answers and the
 * refusals only it gives (404, 409); the answers that follow from how it is reached — a body (400, 413, 415),
 * parameters (400), a bearer token (401, 403, 429, 503) — are added here, so no route can forget one.
 */
import { OpenAPIRegistry, OpenApiGeneratorV31, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import type { ZodType } from 'zod';
import { errorSchema } from './schemas';
import type { FieldRule } from '../workflows/kit/refusals';

/**
 * A rule the API refuses a request for (400) that the schema cannot say: a check digit, a date that must have
 * begun, a combination of fields. `field` may name array items as `*` (`eligibility.*.logic`); a `…` in a `rule`
 * stands for the part that varies (the rule language names the place it found: `…: names no fact`).
 */
export type Refusal = FieldRule;

/** One operation: its OpenAPI entry, and what it refuses beyond its schema (written into its 400's description). */
export type ApiRoute = RouteConfig & { refusals?: readonly Refusal[] };

/** The heading under which a 400's description lists the operation's refusals beyond the schema, one a line. */
export const REFUSALS_HEADING = 'Refused beyond the schema:';
const refusalLine = ({ field, rule }: Refusal) => `- \`${field}\`: ${rule}`;

/** A JSON response body for a route's OpenAPI entry. */
export const jsonContent = (schema: ZodType) => ({ content: { 'application/json': { schema } } });

/** A JSON request body, which the API requires (an empty body is refused with 400). */
export const jsonBody = (schema: ZodType) => ({ required: true, ...jsonContent(schema) });

/** An error answer in the one error shape (`{ error: { code, message, problems? } }`). */
export const errorResponse = (description: string) => ({ description, ...jsonContent(errorSchema) });

const RATE_LIMITED = {
  ...errorResponse("More requests than the caller's per-user budget allows in the window"),
  headers: {
    'Retry-After': { description: 'Seconds until the budget refills', schema: { type: 'integer' as const } },
    RateLimit: { description: 'IETF draft-8 RateLimit header', schema: { type: 'string' as const } },
    'RateLimit-Policy': {
      description: 'IETF draft-8 RateLimit-Policy header',
      schema: { type: 'string' as const },
    },
  },
};

type Responses = ApiRoute['responses'];

/** The answers that follow from how a route is reached; a route's own entries win. */
function standardAnswers(route: ApiRoute): Responses {
  const refusals = route.refusals ?? [];
  const validation = [
    'Validation failed: each field and the rule it broke is named.',
    ...(refusals.length > 0 ? ['', REFUSALS_HEADING, ...refusals.map(refusalLine)] : []),
  ].join('\n');
  const takesBody = route.request?.body !== undefined;
  const takesInput = takesBody || route.request?.params !== undefined || route.request?.query !== undefined;
  const authenticated = route.security !== undefined && route.security.length > 0;
  return {
    ...(takesInput ? { 400: errorResponse(validation) } : {}),
    ...(authenticated
      ? {
          401: errorResponse('Missing, invalid or expired bearer token'),
          403: errorResponse(
            'The caller has no business with this resource (the rule that refused is named)',
          ),
          429: RATE_LIMITED,
          503: errorResponse('Temporal or the database is unavailable; try again shortly'),
        }
      : {}),
    ...(takesBody
      ? {
          413: errorResponse('Request body too large'),
          415: errorResponse('The body is not UTF-8 JSON (Content-Type application/json)'),
        }
      : {}),
  };
}

function withStandardAnswers({ refusals, ...route }: ApiRoute): RouteConfig {
  return { ...route, responses: { ...standardAnswers({ ...route, refusals }), ...route.responses } };
}

/** Express's path syntax for an OpenAPI path (`/cases/{caseId}` → `/cases/:caseId`). */
export const expressPath = (openApiPath: string) => openApiPath.replace(/\{(\w+)\}/g, ':$1');

export function createOpenApiDocument(routes: readonly ApiRoute[]): object {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
  });
  for (const route of routes) registry.registerPath(withStandardAnswers(route));
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'OneThing API',
      version: '0.1.0',
      description:
        "Zhengzhou's cross-department 'one thing, done once' (一件事一次办) processes. Clerks start cases and take decisions here; " +
        'bearer JWTs carry sub, name, dept, district and roles. A method a path does not have is answered 405 with an ' +
        '`Allow` header; a path the API does not have, 404. Every error has the `Error` shape.',
    },
    servers: [{ url: '/' }],
  });
}
