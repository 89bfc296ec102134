/**
 * Puts the process's Chinese words on a request body's schema: each field's name as its title, each coded value's
 * word as the title of its option. The codes the API takes stay as they are.
 */
import type { JsonSchema } from './openapi';
import type { CaseKind } from './platform-words';

type Words = Pick<CaseKind, 'fields' | 'values'>;

function worded(schema: JsonSchema, words: Words, field: string | undefined): JsonSchema {
  const out: JsonSchema = { ...schema };
  const properties = schema.properties as Record<string, JsonSchema> | undefined;
  if (properties) {
    out.properties = Object.fromEntries(
      Object.entries(properties).map(([name, property]) => [
        name,
        { ...worded(property, words, name), title: words.fields[name] ?? name },
      ]),
    );
  }
  if (schema.items && typeof schema.items === 'object')
    out.items = worded(schema.items as JsonSchema, words, field);
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
    const options = schema[key];
    if (Array.isArray(options)) out[key] = options.map((option: JsonSchema) => worded(option, words, field));
  }
  const codes = schema.enum as unknown[] | undefined;
  const valueWords = field ? words.values[field] : undefined;
  if (codes && valueWords) {
    delete out.enum;
    out.oneOf = codes.map((code) => ({ const: code, title: valueWords[String(code)] ?? String(code) }));
  }
  return out;
}

export const withWords = (schema: JsonSchema, words: Words): JsonSchema => worded(schema, words, undefined);

/** `contact.phone` → `联系电话`, `staff.0.name` → `姓名`: the field's own word, or its path. */
export function fieldWord(path: string, words: Words): string {
  const last = path
    .split('.')
    .filter((part) => !/^\d+$/.test(part) && part !== '*')
    .at(-1);
  return (last && words.fields[last]) ?? path;
}
