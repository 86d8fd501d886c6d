import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** Over HTTPS the `__Host-` prefix makes the browser refuse the cookie from any other origin or path. */
export function cookieNames(isHttps: boolean): { session: string; csrf: string } {
  return isHttps
    ? { session: '__Host-cw_session', csrf: '__Host-cw_csrf' }
    : { session: 'cw_session', csrf: 'cw_csrf' };
}

/** httpOnly: scripts never see it; SameSite=Lax: other sites' forms and fetches do not carry it. */
export function cookieOptions(isHttps: boolean): CookieSerializeOptions {
  return { path: '/', httpOnly: true, sameSite: 'lax', secure: isHttps, signed: true };
}

/** The session token of a request, when its cookie is present and carries our signature. */
export function readSessionToken(request: FastifyRequest, isHttps: boolean): string | undefined {
  const raw = request.cookies[cookieNames(isHttps).session];
  if (!raw) return undefined;
  const unsigned = request.unsignCookie(raw);
  return unsigned.valid && unsigned.value ? unsigned.value : undefined;
}

/**
 * The cookie lives as long as the session: Max-Age (seconds from when the browser receives it), not an
 * absolute Expires date, so a browser whose clock differs from the server's keeps it for the right time.
 * The server checks the session's own expiry on every request anyway.
 */
export function setSessionCookie(
  reply: FastifyReply,
  isHttps: boolean,
  token: string,
  lifetimeMs: number,
): void {
  reply.setCookie(cookieNames(isHttps).session, token, {
    ...cookieOptions(isHttps),
    maxAge: Math.max(0, Math.floor(lifetimeMs / 1000)),
  });
}

export function clearSessionCookie(reply: FastifyReply, isHttps: boolean): void {
  reply.clearCookie(cookieNames(isHttps).session, cookieOptions(isHttps));
}
