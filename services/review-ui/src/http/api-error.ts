import { type ErrorCode, toAppError } from '@claimwatch/shared/errors';
import { z } from 'zod';

/**
 * The codes the API answers with. Domain codes come from `@claimwatch/shared/errors`; `rate_limited`
 * is the one code only this edge produces (the login rate limiter).
 */
export const apiErrorCodes = [
  'validation_failed',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'flag_locked',
  'rate_limited',
  'internal',
  'totp_required',
] as const;
export type ApiErrorCode = (typeof apiErrorCodes)[number];

export const ApiError = z
  .object({ code: z.enum(apiErrorCodes), message: z.string() })
  .describe('Every error: a stable code to branch on and a message for people.');
export type ApiError = z.infer<typeof ApiError>;

export const statusOf: Record<ApiErrorCode, number> = {
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  flag_locked: 409,
  rate_limited: 429,
  internal: 500,
  totp_required: 401,
};

/**
 * Pipeline codes (fetching, extraction, models) cannot arise from a request; if one does, it is a bug.
 * The mapped type makes a new shared code a compile error here until it is placed.
 */
const apiCodeOf: Record<ErrorCode, ApiErrorCode> = {
  validation_failed: 'validation_failed',
  input_invalid: 'validation_failed',
  unauthenticated: 'unauthenticated',
  forbidden: 'forbidden',
  not_found: 'not_found',
  conflict: 'conflict',
  flag_locked: 'flag_locked',
  internal: 'internal',
  fetch_blocked_by_robots: 'internal',
  fetch_host_busy: 'internal',
  fetch_rate_limited: 'internal',
  fetch_ssrf_refused: 'internal',
  fetch_http_client_error: 'internal',
  fetch_http_server_error: 'internal',
  fetch_network: 'internal',
  fetch_timeout: 'internal',
  fetch_too_large: 'internal',
  fetch_unsupported_content: 'internal',
  fetch_too_many_redirects: 'internal',
  feed_invalid: 'internal',
  extract_no_content: 'internal',
  model_missing: 'internal',
  model_corrupt: 'internal',
};

/** An error the API can send as is, with its status. Internal details never reach the client. */
export function toApiError(error: unknown): { status: number; body: ApiError; isBug: boolean } {
  const appError = toAppError(error);
  const code = apiCodeOf[appError.code];
  const isBug = code === 'internal';
  return {
    status: statusOf[code],
    body: { code, message: isBug ? 'Internal error' : appError.message },
    isBug,
  };
}

/** Error responses to document on a route, by status. */
export function errorResponses(...codes: ApiErrorCode[]): Record<number, typeof ApiError> {
  return Object.fromEntries(codes.map((c) => [statusOf[c], ApiError]));
}
