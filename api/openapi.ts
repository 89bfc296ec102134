import { OpenAPIRegistry, OpenApiGeneratorV31, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import { z, type ZodType } from 'zod';
import { errorSchema } from './schemas';

export type ApiRoute = RouteConfig;

/** A JSON request or response body for a route's OpenAPI entry. */
export const jsonContent = (schema: ZodType) => ({ content: { 'application/json': { schema } } });

/** For responses documented only as a JSON object. */
export const anyJsonObject = z.record(z.string(), z.unknown());

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: errorSchema } },
});

/** Answers every authenticated route can give, added so each path documents them without repeating itself. */
export const COMMON_ERROR_RESPONSES = {
  400: errorResponse('Validation failed: each field and rule is named'),
  401: errorResponse('Missing, invalid or expired bearer token'),
  403: errorResponse('The caller has no business with this resource'),
  413: errorResponse('Request body too large'),
  503: errorResponse('Temporal or the database is unavailable'),
};

export function createOpenApiDocument(routes: readonly ApiRoute[]): object {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
  });
  for (const route of routes) registry.registerPath(route);
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'OneThing API',
      version: '0.1.0',
      description:
        "Zhengzhou's cross-department 'one thing, done once' (一件事一次办) processes. Clerks start cases and take decisions here; " +
        'bearer JWTs carry sub, name, dept, district and roles.',
    },
    servers: [{ url: '/' }],
  });
}
