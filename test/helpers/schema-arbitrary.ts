/**
 * fast-check arbitraries from the OpenAPI document's JSON Schemas, for generated requests: values the schema
 * accepts (its cross-field `allOf` conditions aside, which the API then refuses with a documented 400).
 */
import fc from 'fast-check';

export type JsonSchema = {
  $ref?: string;
  const?: unknown;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  multipleOf?: number;
  uniqueItems?: boolean;
  format?: string;
};

export function arbitraryOf(
  schema: JsonSchema,
  components: Record<string, JsonSchema>,
): fc.Arbitrary<unknown> {
  const of = (s: JsonSchema) => arbitraryOf(s, components);
  if (schema.$ref) return of(components[schema.$ref.replace('#/components/schemas/', '')]!);
  if ('const' in schema) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map(of));
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  if (types.length > 1) return fc.oneof(...types.map((type) => of({ ...schema, type })));
  switch (types[0]) {
    case 'object':
      return objectOf(schema, of);
    case 'array': {
      const lengths = {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 4, Math.max(schema.minItems ?? 0, 4)),
      };
      const items = of(schema.items ?? {});
      return schema.uniqueItems
        ? fc.uniqueArray(items, { ...lengths, selector: (item) => JSON.stringify(item) })
        : fc.array(items, lengths);
    }
    case 'string':
      return stringOf(schema);
    case 'integer':
      return fc.integer({
        min: schema.minimum ?? (schema.exclusiveMinimum ?? -1_000_001) + 1,
        max: schema.maximum ?? (schema.exclusiveMaximum ?? 1_000_000_001) - 1,
      });
    case 'number':
      if (schema.multipleOf) return multiplesOf(schema, schema.multipleOf);
      return fc.double({
        min: schema.minimum ?? schema.exclusiveMinimum ?? -1e6,
        max: schema.maximum ?? schema.exclusiveMaximum ?? 1e9,
        minExcluded: schema.exclusiveMinimum !== undefined,
        maxExcluded: schema.exclusiveMaximum !== undefined,
        noNaN: true,
      });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      return fc.jsonValue();
  }
}

function objectOf(schema: JsonSchema, of: (s: JsonSchema) => fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  if (schema.properties) {
    const fields = Object.fromEntries(Object.entries(schema.properties).map(([key, s]) => [key, of(s)]));
    return fc.record(fields, { requiredKeys: schema.required ?? [] });
  }
  // A map (z.record): its keys from propertyNames, its values from additionalProperties.
  const values =
    typeof schema.additionalProperties === 'object' ? of(schema.additionalProperties) : fc.jsonValue();
  const keys = schema.propertyNames ? (of(schema.propertyNames) as fc.Arbitrary<string>) : fc.string();
  return fc.dictionary(keys, values, { maxKeys: 4 });
}

/** Numbers the schema allows that are whole multiples of `step` (0.1 → 0.1, 0.2, …, with one decimal). */
function multiplesOf(schema: JsonSchema, step: number): fc.Arbitrary<number> {
  const decimals = Math.max(0, -Math.floor(Math.log10(step)));
  const low = Math.ceil((schema.minimum ?? schema.exclusiveMinimum ?? 0) / step - 1e-9);
  const high = Math.floor((schema.maximum ?? schema.exclusiveMaximum ?? 1e6) / step + 1e-9);
  return fc
    .integer({ min: low, max: high })
    .map((k) => Number((k * step).toFixed(decimals)))
    .filter(
      (n) =>
        (schema.exclusiveMinimum === undefined || n > schema.exclusiveMinimum) &&
        (schema.exclusiveMaximum === undefined || n < schema.exclusiveMaximum),
    );
}

function stringOf(schema: JsonSchema): fc.Arbitrary<string> {
  if (schema.format === 'date') {
    return fc
      .date({
        min: new Date('2000-01-01T00:00:00Z'),
        max: new Date('2099-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((day) => day.toISOString().slice(0, 10));
  }
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.min(schema.maxLength ?? 40, 200);
  if (schema.pattern) {
    return fc
      .stringMatching(new RegExp(schema.pattern))
      .filter((s) => s.length >= minLength && s.length <= maxLength);
  }
  return fc.string({ minLength, maxLength, unit: 'grapheme' });
}
