/** Calls to the OneThing API with the signed-in person's token; a refusal becomes an `ApiRefusal` to show in place. */

export interface FieldProblem {
  field: string;
  rule: string;
}

export class ApiRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly problems: FieldProblem[] = [],
  ) {
    super(message);
  }
}

interface ErrorBody {
  error?: { code?: string; message?: string; problems?: FieldProblem[] };
}

export async function callApi<T>(
  token: string | undefined,
  path: string,
  init: { method?: 'GET' | 'POST'; body?: unknown } = {},
): Promise<T> {
  const response = await fetch(path, {
    method: init.method ?? 'GET',
    headers: {
      Accept: 'application/json',
      // Refusals in Chinese where the API has words for them.
      'Accept-Language': 'zh-CN',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(init.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
    },
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
  const body = (await response.json().catch(() => ({}))) as unknown;
  if (!response.ok) {
    const error = (body as ErrorBody).error ?? {};
    throw new ApiRefusal(
      response.status,
      error.code ?? 'unknown',
      error.message ?? response.statusText,
      error.problems ?? [],
    );
  }
  return body as T;
}
