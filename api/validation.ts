import type { z } from 'zod';
import { ValidationError, type FieldProblem } from './errors';

/** Words for each rule, so that an error body never repeats what the caller sent. */
function ruleOf(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? 'is required'
        : `must be ${issue.expected === 'int' ? 'an integer' : `a ${issue.expected}`}`;
    case 'unrecognized_keys':
      return 'is not a known field';
    case 'invalid_value':
      return `must be one of: ${issue.values.map(String).join(', ')}`;
    default:
      return issue.message;
  }
}

function toProblems(error: z.ZodError, root: string): FieldProblem[] {
  return error.issues.flatMap((issue) => {
    const base = [root, ...issue.path.map(String)].filter(Boolean).join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ field: [base, key].filter(Boolean).join('.'), rule: ruleOf(issue) }));
    }
    return [{ field: base || '(body)', rule: ruleOf(issue) }];
  });
}

/** Parses untrusted input; throws a 400 ValidationError naming each field and rule. */
export function parse<S extends z.ZodType>(schema: S, input: unknown, root = ''): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new ValidationError(toProblems(result.error, root));
  return result.data;
}
