/**
 * The closed set of error codes domain code may throw. Only the HTTP edge maps codes to statuses,
 * and only queue workers map the `kind` to retry decisions.
 */
export const errorCodes = {
  // fetch
  fetch_blocked_by_robots: 'permanent',
  fetch_host_busy: 'politeness',
  fetch_rate_limited: 'politeness',
  fetch_ssrf_refused: 'permanent',
  fetch_http_client_error: 'permanent',
  fetch_http_server_error: 'transient',
  fetch_network: 'transient',
  fetch_timeout: 'transient',
  fetch_too_large: 'permanent',
  fetch_unsupported_content: 'permanent',
  fetch_too_many_redirects: 'permanent',
  // parse / extract
  feed_invalid: 'permanent',
  extract_no_content: 'permanent',
  // models and data
  model_missing: 'permanent',
  model_corrupt: 'permanent',
  input_invalid: 'permanent',
  // people and the API
  not_found: 'permanent',
  conflict: 'permanent',
  flag_locked: 'permanent',
  forbidden: 'permanent',
  unauthenticated: 'permanent',
  validation_failed: 'permanent',
  // anything unexpected
  internal: 'bug',
} as const satisfies Record<string, ErrorKind>;

export type ErrorCode = keyof typeof errorCodes;

/** permanent: record and stop; transient: retry with backoff; politeness: delay; bug: fail loudly. */
export type ErrorKind = 'permanent' | 'transient' | 'politeness' | 'bug';

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly kind: ErrorKind;
  /** For politeness errors: when to try again. */
  readonly retryAfterMs: number | undefined;

  constructor(code: ErrorCode, message: string, options: { cause?: unknown; retryAfterMs?: number } = {}) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.kind = errorCodes[code];
    this.retryAfterMs = options.retryAfterMs;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** Any thrown value, as an AppError; unknown errors are bugs. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new AppError('internal', message, { cause: error });
}
