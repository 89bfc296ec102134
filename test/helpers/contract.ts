/**
 * The OpenAPI document as a test oracle: every exchange the API and e2e suites make is checked against it. An
 * answer whose status the operation does not list, or whose body does not match the listed schema, or a 2xx to a
 * body the schema refuses, is a contract violation; the root hook in test/setup/contract-hooks.ts fails the test
 * that caused it.
 */
import type { RequestHandler } from 'express';
import { Ajv2020 } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { API_ROUTES } from '../../api/app';
import { createOpenApiDocument } from '../../api/openapi';

type JsonContent = { 'application/json'?: { schema: unknown } };
export interface Operation {
  requestBody?: { required?: boolean; content: JsonContent };
  responses: Record<
    string,
    { description?: string; content?: JsonContent; headers?: Record<string, unknown> }
  >;
}
export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown> };
}

export const OPENAPI = createOpenApiDocument(API_ROUTES) as OpenApiDocument;

// multipleOf on decimals (a hose of 2.3 m against 0.1) needs a precision, as any careful client's validator has:
// 2.3 / 0.1 is 22.999999999999996 in binary floating point.
const ajv = new Ajv2020({ strict: false, allErrors: true, multipleOfPrecision: 9 });
addFormats(ajv);
ajv.addSchema(OPENAPI, 'openapi');

const pointer = (...parts: string[]) =>
  'openapi#/' + parts.map((p) => encodeURIComponent(p.replace(/~/g, '~0').replace(/\//g, '~1'))).join('/');

/** Problems with a value against the schema at a JSON pointer into the document (none when it matches). */
function schemaProblems(at: string, value: unknown): string[] {
  const validate = ajv.getSchema(at);
  if (!validate) return [`no schema at ${at}`];
  if (validate(value)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message ?? ''}`);
}

/** Problems with a request body against an operation's documented body schema (none when it is accepted). */
export function requestBodyProblems(method: string, template: string, body: unknown): string[] {
  return schemaProblems(
    pointer('paths', template, method.toLowerCase(), 'requestBody', 'content', 'application/json', 'schema'),
    body,
  );
}

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The problems of a 400 that its operation's description does not name under "Refused beyond the schema" (a `*`
 * field segment stands for any array index, a `…` in a rule for any text).
 */
export function unnamedRefusals(
  operation: Operation,
  problems: readonly { field: string; rule: string }[],
): { field: string; rule: string }[] {
  const description = operation.responses['400']?.description ?? '';
  const named = description
    .split('\n')
    .map((line) => /^- `([^`]+)`: (.+)$/.exec(line))
    .filter((match) => match !== null)
    .map(([, field, rule]) => ({
      field: new RegExp(`^${escaped(field!).replace(/\\\*/g, '[^.]+')}$`),
      rule: new RegExp(`^${rule!.split('…').map(escaped).join('.*')}$`),
    }));
  return problems.filter((p) => !named.some((n) => n.field.test(p.field) && n.rule.test(p.rule)));
}

/** Every `example` in the document's components that its own schema refuses (none when all are valid). */
export function exampleProblems(): string[] {
  const problems: string[] = [];
  const visit = (node: unknown, at: string[]) => {
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    if ('example' in record && at.at(-1) !== 'properties') {
      problems.push(...schemaProblems(pointer(...at), record.example).map((p) => `${at.join('/')}: ${p}`));
    }
    for (const [key, child] of Object.entries(record)) if (key !== 'example') visit(child, [...at, key]);
  };
  visit(OPENAPI.components.schemas, ['components', 'schemas']);
  return problems;
}

const TEMPLATES = Object.keys(OPENAPI.paths)
  .map((template) => ({
    template,
    params: (template.match(/\{/g) ?? []).length,
    pattern: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{\w+\}/g, '[^/]+')}$`),
  }))
  .sort((a, b) => a.params - b.params);

/** The document's path template for a request path, literal paths before templated ones. */
export function templateOf(path: string): string | undefined {
  return TEMPLATES.find(({ pattern }) => pattern.test(path))?.template;
}

export interface Exchange {
  method: string;
  /** The path without its query string. */
  path: string;
  /** The JSON request body, when one was sent. */
  requestBody?: unknown;
  status: number;
  header: (name: string) => string | undefined;
  /** The JSON response body, when the answer was JSON. */
  body?: unknown;
}

const isChecked = (path: string) =>
  path.startsWith('/v1/') || ['/healthz', '/readyz', '/livez'].includes(path);
const ERROR_SCHEMA = 'openapi#/components/schemas/Error';

/** What an exchange breaks of the contract; empty when it keeps it. */
export function contractProblems(exchange: Exchange): string[] {
  const { method, path, status } = exchange;
  const where = `${method} ${path} → ${status}`;
  if (!isChecked(path)) return [];
  const template = templateOf(path);
  const pathItem = template ? OPENAPI.paths[template] : undefined;
  const operation = pathItem?.[method.toLowerCase()];
  if (!pathItem || !operation) {
    // Before routing, a /v1 request is authenticated and counted: those answers may come first.
    const expected = !pathItem ? [404] : method === 'OPTIONS' ? [204] : [405];
    if (path.startsWith('/v1/')) expected.push(401, 429);
    if (!expected.includes(status)) return [`${where}: expected ${expected.join(' or ')}`];
    if (status === 405 && !exchange.header('allow')) return [`${where}: 405 without an Allow header`];
    return status === 204 ? [] : schemaProblems(ERROR_SCHEMA, exchange.body).map((p) => `${where}: ${p}`);
  }
  const problems: string[] = [];
  const response = operation.responses[String(status)];
  if (!response) return [`${where}: status not listed for ${method} ${template}`];
  if (response.content?.['application/json']) {
    problems.push(
      ...schemaProblems(
        pointer(
          'paths',
          template!,
          method.toLowerCase(),
          'responses',
          String(status),
          'content',
          'application/json',
          'schema',
        ),
        exchange.body,
      ),
    );
  }
  for (const header of Object.keys(response.headers ?? {})) {
    if (header === 'Retry-After' && !exchange.header(header)) problems.push(`missing header ${header}`);
  }
  if (
    status < 300 &&
    exchange.requestBody !== undefined &&
    operation.requestBody?.content['application/json']
  ) {
    const refused = schemaProblems(
      pointer(
        'paths',
        template!,
        method.toLowerCase(),
        'requestBody',
        'content',
        'application/json',
        'schema',
      ),
      exchange.requestBody,
    );
    if (refused.length > 0) problems.push(`accepted a body its schema refuses: ${refused.join('; ')}`);
  }
  return problems.map((p) => `${where}: ${p}`);
}

const violations: string[] = [];

/** Violations seen since the last call (the root hook takes them after each test). */
export function takeContractViolations(): string[] {
  return violations.splice(0);
}

/** Test-only middleware, mounted in front of the app: records every exchange that breaks the contract. */
export function contractCheck(): RequestHandler {
  return (req, res, next) => {
    let body: unknown;
    const json = res.json.bind(res);
    res.json = (value: unknown) => {
      body = value;
      return json(value);
    };
    res.on('finish', () => {
      const sentJson = req.is('application/json') && req.body !== undefined;
      violations.push(
        ...contractProblems({
          method: req.method,
          // Not req.path: an answer written inside a mount (the /v1 rate limit's 429, its 401) sees the path
          // with the mount taken off, and the check would not know the operation.
          path: new URL(req.originalUrl, 'http://api.invalid').pathname,
          ...(sentJson ? { requestBody: req.body as unknown } : {}),
          status: res.statusCode,
          header: (name) => res.getHeader(name)?.toString(),
          body,
        }),
      );
    });
    next();
  };
}

/** `fetch` against a running API (`npm start`), with each answer checked against the contract like testApp's. */
export async function checkedFetch(url: string, init: RequestInit = {}): Promise<Response> {
  const response = await fetch(url, init);
  const { pathname } = new URL(url);
  const isJson = response.headers.get('content-type')?.includes('application/json') ?? false;
  const sent = typeof init.body === 'string' ? init.body : undefined;
  violations.push(
    ...contractProblems({
      method: init.method ?? 'GET',
      path: pathname,
      ...(sent !== undefined ? { requestBody: JSON.parse(sent) as unknown } : {}),
      status: response.status,
      header: (name) => response.headers.get(name) ?? undefined,
      body: isJson ? await response.clone().json() : undefined,
    }),
  );
  return response;
}
