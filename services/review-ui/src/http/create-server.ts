import type { Db } from '@claimwatch/shared/db';
import type { Logger } from '@claimwatch/shared/logging';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyBaseLogger, LogController } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { installAccessControl } from '../auth/access-control.ts';
import { type AuthSettings, defaultAuthSettings } from '../auth/auth-settings.ts';
import { registerSessionRoutes } from '../auth/session.routes.ts';
import { deriveKey } from '../auth/session-secret.ts';
import {
  type DigestServerSettings,
  defaultDigestServerSettings,
  registerDigestRoutes,
} from '../digest/digest.routes.ts';
import { registerRespondRoutes } from '../responses/register.ts';
import { registerFlagRoutes } from '../review/flag.routes.ts';
import { registerTriageRoutes, type TriageDeps } from '../triage/triage.routes.ts';
import type { Api, ApiDeps } from './api-types.ts';
import { handleError } from './error-handler.ts';
import { registerOpenApi, registerOpenApiRoute } from './openapi.ts';
import { securityHeaders } from './security-headers.ts';
import { registerWebAssets } from './web-assets.ts';

export type ReviewServerDeps = {
  db: Db;
  logger: Logger;
  sessionSecret: string;
  /** Served over HTTPS: Secure and __Host- cookies, HSTS. */
  isHttps: boolean;
  /** The built UI; without it only the API is served (API tests). */
  webDir?: string | undefined;
  now?: () => Date;
  auth?: Partial<AuthSettings>;
  digest?: DigestServerSettings;
} & Partial<TriageDeps>;

/** Login bodies and, later, response drafts are small; anything bigger is refused before parsing. */
const BODY_LIMIT = 256 * 1024;

/** The whole HTTP server, not yet listening (tests use `inject`). */
export async function createReviewServer(deps: ReviewServerDeps): Promise<Api> {
  const app = Fastify({
    // pino's Logger is a FastifyBaseLogger; the cast keeps route types on Fastify's own logger type.
    loggerInstance: deps.logger as FastifyBaseLogger,
    // One debug line per request from the onResponse hook below instead of Fastify's two info lines.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: BODY_LIMIT,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  app.addHook('onResponse', async (request, reply) => {
    request.log.debug(
      {
        method: request.method,
        route: request.routeOptions.url,
        status: reply.statusCode,
        ms: reply.elapsedTime,
      },
      'request',
    );
  });

  await app.register(fastifyHelmet, securityHeaders({ isHttps: deps.isHttps }));
  await app.register(fastifyCookie, { secret: deriveKey(deps.sessionSecret, 'cookies') });
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      message: `Too many attempts; try again in ${context.after}`,
    }),
  });
  await registerOpenApi(app, { isHttps: deps.isHttps });

  const apiDeps: ApiDeps = {
    db: deps.db,
    now: deps.now ?? (() => new Date()),
    auth: { ...defaultAuthSettings, ...deps.auth },
    isHttps: deps.isHttps,
    totpKey: deriveKey(deps.sessionSecret, 'totp'),
  };
  await app.register(
    async (api) => {
      await installAccessControl(api, apiDeps, deriveKey(deps.sessionSecret, 'csrf'));
      // API answers are personal and change with every decision: never stored by browsers or proxies.
      api.addHook('onSend', async (_request, reply) => {
        reply.header('cache-control', 'no-store');
      });
      registerSessionRoutes(api, apiDeps);
      registerFlagRoutes(api, apiDeps);
      if (deps.redis) registerTriageRoutes(api, apiDeps, { redis: deps.redis, triage: deps.triage });
      registerRespondRoutes(api, apiDeps);
      registerDigestRoutes(api, apiDeps, deps.digest ?? defaultDigestServerSettings);
      registerOpenApiRoute(api);
    },
    { prefix: '/api' },
  );
  await registerWebAssets(app, deps.webDir);
  return app;
}
