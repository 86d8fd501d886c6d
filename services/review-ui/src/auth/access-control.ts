import { AppError } from '@claimwatch/shared/errors';
import fastifyCsrfProtection from '@fastify/csrf-protection';
import type { Api, ApiDeps } from '../http/api-types.ts';
import { type Access, isAllowed, policy } from './policy.ts';
import { clearSessionCookie, cookieNames, cookieOptions, readSessionToken } from './session-cookie.ts';
import { resolveSession, type SignedIn } from './sessions.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in user, resolved from the session cookie before anything else runs. */
    auth: SignedIn | null;
  }
  interface FastifyContextConfig {
    /** Every API route declares who may call it; see policy.ts. */
    access?: Access;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** CSRF tokens of visitors not signed in are bound to this instead of a session. */
const ANONYMOUS = 'anonymous';

export function csrfUserInfo(auth: SignedIn | null): string {
  return auth ? auth.sessionId : ANONYMOUS;
}

/**
 * Sessions, roles and CSRF for every route of the API scope:
 * - a route without an `access` rule refuses to register, so nothing is public by omission;
 * - onRequest resolves the session cookie, then checks the route's rule (401/403 before any parsing);
 * - preValidation checks the CSRF token (header `x-csrf-token`) on every mutating request. Tokens are
 *   bound to the session, so a token from before login is worth nothing after it, and a CSRF cookie
 *   planted by a sibling site is useless without the matching session.
 */
export async function installAccessControl(api: Api, deps: ApiDeps, csrfKey: string): Promise<void> {
  await api.register(fastifyCsrfProtection, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: cookieNames(deps.isHttps).csrf,
    cookieOpts: cookieOptions(deps.isHttps),
    csrfOpts: { hmacKey: csrfKey, userInfo: true },
    getUserInfo: (request) => csrfUserInfo(request.auth),
    getToken: (request) => {
      const header = request.headers['x-csrf-token'];
      return typeof header === 'string' ? header : undefined;
    },
  });

  api.decorateRequest('auth', null);

  api.addHook('onRoute', (route) => {
    if (!route.config?.access) throw new Error(`${route.method} ${route.url} declares no access rule`);
  });

  api.addHook('onRequest', async (request, reply) => {
    const token = readSessionToken(request, deps.isHttps);
    request.auth = token ? ((await resolveSession(deps.db, token, deps.now(), deps.auth)) ?? null) : null;
    if (token && !request.auth) clearSessionCookie(reply, deps.isHttps);

    const access = request.routeOptions.config.access;
    // Only the not-found handler has no rule (routes without one never register).
    if (access === undefined || access === 'public') return;
    if (!request.auth) throw new AppError('unauthenticated', 'Sign in first');
    if (!isAllowed(policy, request.auth.user.roles, access))
      throw new AppError(
        'forbidden',
        `Your roles do not allow ${String(access.action)} on ${access.resource}`,
      );
  });

  api.addHook('preValidation', (request, reply, done) => {
    if (SAFE_METHODS.has(request.method)) return done();
    api.csrfProtection(request, reply, done);
  });
}
