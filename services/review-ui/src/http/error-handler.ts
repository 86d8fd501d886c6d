import { isAppError } from '@claimwatch/shared/errors';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { type ApiError, type ApiErrorCode, statusOf, toApiError } from './api-error.ts';

const CSRF_ERRORS = new Set(['FST_CSRF_MISSING_SECRET', 'FST_CSRF_INVALID_TOKEN']);

function send(reply: FastifyReply, status: number, code: ApiErrorCode, message: string) {
  return reply.code(status).send({ code, message } satisfies ApiError);
}

/** The one place errors become responses: `{ code, message }` with a stable code, never a stack. */
export function handleError(error: unknown, request: FastifyRequest, reply: FastifyReply) {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = (error as FastifyError).validationContext ?? 'request';
    const problems = error.validation.map((v) => `${where}${v.instancePath || ''}: ${v.message}`);
    return send(reply, 400, 'validation_failed', problems.join('; '));
  }
  if (isAppError(error) || isResponseSerializationError(error)) {
    const { status, body, isBug } = toApiError(error);
    if (isBug) request.log.error({ err: error }, 'request failed');
    return send(reply, status, body.code, body.message);
  }
  const e = error as Partial<FastifyError> & { statusCode?: number };
  if (e.code && CSRF_ERRORS.has(e.code))
    return send(
      reply,
      403,
      'forbidden',
      'Missing or invalid CSRF token; get a fresh one from GET /api/session',
    );
  if (e.statusCode === 429)
    return send(reply, 429, 'rate_limited', e.message ?? 'Too many requests; try again later');
  // Fastify's own client errors (malformed JSON, wrong content type, body too large) keep their status.
  if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500)
    return send(reply, e.statusCode, 'validation_failed', e.message ?? 'Bad request');
  request.log.error({ err: error }, 'request failed');
  return send(reply, statusOf.internal, 'internal', 'Internal error');
}

/** Unknown API paths answer in the API's own error shape. */
export function handleApiNotFound(request: FastifyRequest, reply: FastifyReply) {
  return send(reply, 404, 'not_found', `No route ${request.method} ${request.url.split('?')[0]}`);
}
