/**
 * Forms come from the API's own OpenAPI document: each decision's and each start's request body schema, with its
 * `$ref`s resolved, so a new process's decisions appear here without code of their own.
 */
export type JsonSchema = { [key: string]: unknown };

interface OpenApiDocument {
  paths: Record<
    string,
    Record<string, { requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }>
  >;
  components?: { schemas?: Record<string, JsonSchema> };
}

let loading: Promise<OpenApiDocument> | undefined;

export function openApiDocument(): Promise<OpenApiDocument> {
  loading ??= fetch('/openapi.json').then((response) => {
    if (!response.ok) throw new Error(`the API's OpenAPI document could not be read (${response.status})`);
    return response.json() as Promise<OpenApiDocument>;
  });
  return loading;
}

function resolved(schema: unknown, components: Record<string, JsonSchema>, seen: readonly string[]): unknown {
  if (Array.isArray(schema)) return schema.map((item) => resolved(item, components, seen));
  if (schema === null || typeof schema !== 'object') return schema;
  const ref = (schema as { $ref?: unknown }).$ref;
  if (typeof ref === 'string') {
    const name = ref.replace('#/components/schemas/', '');
    if (seen.includes(name)) return {};
    return resolved(components[name] ?? {}, components, [...seen, name]);
  }
  return Object.fromEntries(
    Object.entries(schema).map(([key, value]) => [key, resolved(value, components, seen)]),
  );
}

/** The JSON body schema of `POST path`, self-contained; undefined when the document has no such operation. */
export function bodySchemaOf(document: OpenApiDocument, path: string): JsonSchema | undefined {
  const schema = document.paths[path]?.post?.requestBody?.content?.['application/json']?.schema;
  return schema ? (resolved(schema, document.components?.schemas ?? {}, []) as JsonSchema) : undefined;
}
