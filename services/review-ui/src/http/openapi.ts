import fastifySwagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { cookieNames } from '../auth/session-cookie.ts';
import type { Api } from './api-types.ts';

/** Collects every route's zod schemas into an OpenAPI 3 document; register before the routes. */
export async function registerOpenApi(app: FastifyInstance, options: { isHttps: boolean }): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'ClaimWatch review API',
        description:
          'JSON API of the review UI. Sign in with POST /api/session; send the CSRF token from GET ' +
          '/api/session as the x-csrf-token header on every mutating request. Errors are { code, message }.',
        version: '0.1.0',
      },
      tags: [
        { name: 'session', description: 'Signing in and out' },
        { name: 'review', description: 'Flagged claims' },
      ],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: cookieNames(options.isHttps).session },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
}

export function registerOpenApiRoute(api: Api): void {
  api.route({
    method: 'GET',
    url: '/openapi.json',
    config: { access: 'public' },
    schema: { hide: true },
    handler: async () => api.swagger(),
  });
}
