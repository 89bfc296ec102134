/**
 * Answers about the request's shape that no route handles itself: a method its path does not have (405 with
 * `Allow`, from the same route list as the OpenAPI document) and a body that is not JSON (415).
 */
import { Router, type RequestHandler } from 'express';
import { MethodNotAllowedError, NotFoundError, UnsupportedMediaTypeError } from './errors';
import { expressPath, type ApiRoute } from './openapi';

export const JSON_MEDIA_TYPES = ['application/json', 'application/*+json'];

/** Refuses a body sent as anything but JSON, before the JSON parser would silently leave it unread. */
export function jsonBodiesOnly(): RequestHandler {
  return (req, _res, next) => {
    const hasBody =
      req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
    next(hasBody && !req.is(JSON_MEDIA_TYPES) ? new UnsupportedMediaTypeError() : undefined);
  };
}

/**
 * Mounted before the body is read: a /v1 path the API does not have is 404 whatever came with it. Otherwise a body
 * the parser refuses (a bare JSON string, XML) would be answered 400 or 415 for a path that does not exist.
 */
export function unknownPathsFirst(routes: readonly ApiRoute[]): Router {
  const router = Router();
  // The first operation path that matches is the request's (a literal path is listed before a `{caseId}` one).
  for (const path of new Set(routes.map((route) => route.path))) {
    router.all(expressPath(path), (_req, res, next) => {
      res.locals.knownPath ??= path;
      next();
    });
  }
  router.use('/v1', (req, res, next) => {
    next(
      res.locals.knownPath
        ? undefined
        : new NotFoundError(`no route for ${req.method} ${req.originalUrl.split('?')[0]}`),
    );
  });
  return router;
}

/** Mounted after every route: whatever reaches it on a known path came with a method the path does not have. */
export function methodNotAllowed(routes: readonly ApiRoute[]): Router {
  const methodsByPath = new Map<string, Set<string>>();
  for (const route of routes) {
    const path = expressPath(route.path);
    const methods = methodsByPath.get(path) ?? new Set<string>();
    methods.add(route.method.toUpperCase());
    if (route.method === 'get') methods.add('HEAD');
    methodsByPath.set(path, methods);
  }
  const router = Router();
  for (const [path, methods] of methodsByPath) {
    const allow = [...methods].sort();
    router.all(path, (req, res, next) => {
      res.setHeader('Allow', allow.join(', '));
      if (req.method === 'OPTIONS') {
        res.status(204).end();
        return;
      }
      next(new MethodNotAllowedError(req.method, allow));
    });
  }
  return router;
}
