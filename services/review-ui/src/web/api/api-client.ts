/** Same-origin JSON calls to the review API; errors arrive as `{ code, message }`. */

export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export async function callApi<T>(
  method: Method,
  path: string,
  options: { body?: unknown; csrfToken?: string | undefined; signal?: AbortSignal } = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.csrfToken) headers['x-csrf-token'] = options.csrfToken;
  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  if (response.status === 204) return undefined as T;
  const payload: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = payload as { code?: string; message?: string } | undefined;
    throw new ApiRequestError(
      response.status,
      error?.code ?? 'internal',
      error?.message ?? response.statusText,
    );
  }
  return payload as T;
}

export const isUnauthenticated = (error: unknown) =>
  error instanceof ApiRequestError && error.code === 'unauthenticated';
