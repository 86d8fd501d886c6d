import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Db } from '@claimwatch/shared/db';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AuthSettings } from '../auth/auth-settings.ts';

/** The Fastify instance routes are declared on: zod schemas type the request and the reply. */
export type Api = FastifyInstance<
  Server,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** What route modules receive. */
export type ApiDeps = {
  db: Db;
  now: () => Date;
  auth: AuthSettings;
  /** Served over HTTPS (UI_COOKIE_SECURE): Secure, __Host- cookies and HSTS. */
  isHttps: boolean;
  /** Encrypts TOTP secrets at rest (derived from the session secret). */
  totpKey: string;
};
