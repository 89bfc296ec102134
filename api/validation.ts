import type { z } from 'zod';
import { ValidationError, type FieldProblem } from './errors';

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** Words for each rule, so that an error body never repeats what the caller sent. */
function ruleOf(issue: z.core.$ZodIssue, input: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      if (valueAt(input, issue.path) === undefined) return 'is required';
      if (!issue.message.startsWith('Invalid input')) return issue.message;
      return `must be ${issue.expected === 'int' ? 'an integer' : `a ${issue.expected}`}`;
    case 'unrecognized_keys':
      return 'is not a known field';
    case 'invalid_value':
      // A schema's own words for its list (e.g. why the retrofit takes only eight districts) win over the list.
      if (!issue.message.startsWith('Invalid')) return issue.message;
      return `must be one of: ${issue.values.map(String).join(', ')}`;
    default:
      return issue.message;
  }
}

const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]{0,40}$/;

function toProblems(error: z.ZodError, root: string, input: unknown): FieldProblem[] {
  return error.issues.flatMap((issue) => {
    const base = [root, ...issue.path.map(String)].filter(Boolean).join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        // An unknown field is named back only if it looks like a field name: a key may itself be personal data.
        field: [base, FIELD_NAME.test(key) ? key : '(a field whose name is not shown)']
          .filter(Boolean)
          .join('.'),
        rule: ruleOf(issue, input),
      }));
    }
    return [{ field: base || '(body)', rule: ruleOf(issue, input) }];
  });
}

/** Parses untrusted input; throws a 400 ValidationError naming each field and rule. */
export function parse<S extends z.ZodType>(schema: S, input: unknown, root = ''): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new ValidationError(toProblems(result.error, root, input));
  return result.data;
}
