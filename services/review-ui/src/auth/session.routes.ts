import type { UserRow } from '@claimwatch/shared/db';
import { z } from 'zod';
import { errorResponses } from '../http/api-error.ts';
import type { Api, ApiDeps } from '../http/api-types.ts';
import { csrfUserInfo } from './access-control.ts';
import { logIn, logOut, SecondFactorRequired } from './log-in.ts';
import { LoginBody, type Me, SessionState } from './session.schemas.ts';
import { clearSessionCookie, cookieNames, readSessionToken, setSessionCookie } from './session-cookie.ts';
import { sessionIdOf } from './session-tokens.ts';

export function presentMe(user: UserRow): Me {
  return {
    id: user.id,
    email: user.email,
    displayName: user.display_name,
    roles: user.roles,
    locale: user.locale,
  };
}

export function registerSessionRoutes(api: Api, deps: ApiDeps): void {
  api.route({
    method: 'GET',
    url: '/session',
    config: { access: 'public' },
    schema: {
      tags: ['session'],
      summary: 'Who is signed in, with a CSRF token for the next mutating request',
      response: { 200: SessionState },
    },
    handler: async (request, reply) => ({
      user: request.auth ? presentMe(request.auth.user) : null,
      csrfToken: reply.generateCsrf({ userInfo: csrfUserInfo(request.auth) }),
    }),
  });

  api.route({
    method: 'POST',
    url: '/session',
    config: {
      access: 'public',
      rateLimit: { max: deps.auth.loginRateLimit.max, timeWindow: deps.auth.loginRateLimit.windowMs },
    },
    schema: {
      tags: ['session'],
      summary: 'Sign in: opens a new session (any previous one of this browser is ended)',
      body: LoginBody,
      response: {
        200: SessionState,
        ...errorResponses('validation_failed', 'unauthenticated', 'forbidden', 'rate_limited'),
      },
    },
    handler: async (request, reply) => {
      const previous = readSessionToken(request, deps.isHttps);
      const opened = await logIn(
        { db: deps.db, now: deps.now, settings: deps.auth, totpKey: deps.totpKey },
        {
          ...request.body,
          previousSessionId: previous ? sessionIdOf(previous) : undefined,
        },
      ).catch((error: unknown) => {
        if (error instanceof SecondFactorRequired) return error;
        throw error;
      });
      if (opened instanceof SecondFactorRequired)
        return reply
          .code(401 as 200)
          .send({ code: 'totp_required', message: opened.message } as unknown as SessionState);
      const { user, session } = opened;
      setSessionCookie(
        reply,
        deps.isHttps,
        session.token,
        session.expiresAt.getTime() - deps.now().getTime(),
      );
      // A new CSRF secret too: generateCsrf makes one when the request carries none.
      delete request.cookies[cookieNames(deps.isHttps).csrf];
      return { user: presentMe(user), csrfToken: reply.generateCsrf({ userInfo: session.id }) };
    },
  });

  api.route({
    method: 'DELETE',
    url: '/session',
    config: { access: 'public' },
    schema: {
      tags: ['session'],
      summary: 'Sign out (does nothing for a browser that is not signed in)',
      response: { 204: z.null(), ...errorResponses('forbidden') },
    },
    handler: async (request, reply) => {
      await logOut(
        deps.db,
        request.auth ? { sessionId: request.auth.sessionId, userId: request.auth.user.id } : undefined,
      );
      clearSessionCookie(reply, deps.isHttps);
      return reply.code(204).send(null);
    },
  });
}
