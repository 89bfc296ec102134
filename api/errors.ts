/** Typed errors that the error middleware maps to HTTP answers. Messages never carry personal data. */

export interface FieldProblem {
  /** Dotted path of the offending field in the request body, query or params (e.g. `items.hose.lengthM`). */
  field: string;
  /** The rule that was broken, in words. */
  rule: string;
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** A list of problems as one message: `field: rule; field: rule`. */
export const problemsMessage = (problems: readonly FieldProblem[]): string =>
  problems.map((p) => `${p.field}: ${p.rule}`).join('; ');

/** Only the field and the rule: a declared refusal passed as a problem carries more (its Chinese) than an answer says. */
const fieldAndRule = (problems: readonly FieldProblem[]): FieldProblem[] =>
  problems.map(({ field, rule }) => ({ field, rule }));

export class ValidationError extends HttpError {
  readonly problems: FieldProblem[];
  constructor(problems: readonly FieldProblem[]) {
    super(400, 'validation-failed', problemsMessage(problems));
    this.problems = fieldAndRule(problems);
  }
}

/** Well formed, but the facts break the process's rules (a registration's standards): 422, each rule named. */
export class RulesNotMetError extends HttpError {
  readonly problems: FieldProblem[];
  constructor(problems: readonly FieldProblem[]) {
    super(422, 'rules-not-met', problemsMessage(problems));
    this.problems = fieldAndRule(problems);
  }
}

export class UnauthorizedError extends HttpError {
  constructor(message = 'a valid bearer token is required') {
    super(401, 'unauthorized', message);
  }
}

export class ForbiddenError extends HttpError {
  constructor(message: string) {
    super(403, 'forbidden', message);
  }
}

export class NotFoundError extends HttpError {
  constructor(message: string) {
    super(404, 'not-found', message);
  }
}

export class ConflictError extends HttpError {
  constructor(message: string) {
    super(409, 'conflict', message);
  }
}

export class MethodNotAllowedError extends HttpError {
  constructor(
    method: string,
    readonly allow: readonly string[],
  ) {
    super(405, 'method-not-allowed', `${method} is not allowed here; allowed: ${allow.join(', ')}`);
  }
}

export class UnsupportedMediaTypeError extends HttpError {
  constructor() {
    super(415, 'unsupported-media-type', 'the request body must be JSON (Content-Type: application/json)');
  }
}
