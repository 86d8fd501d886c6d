import type { Db } from '@claimwatch/shared/db';
import fastifyCookie from '@fastify/cookie';
import Fastify from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { installAccessControl } from './access-control.ts';
import { defaultAuthSettings } from './auth-settings.ts';

async function apiWith(routes: (api: Parameters<typeof installAccessControl>[0]) => void) {
  const app = Fastify().withTypeProvider<ZodTypeProvider>();
  await app.register(fastifyCookie, { secret: 'x'.repeat(40) });
  await app.register(async (api) => {
    // No request is made, so the database is never touched.
    await installAccessControl(
      api,
      { db: {} as Db, now: () => new Date(), auth: defaultAuthSettings, isHttps: false, totpKey: 't' },
      'k'.repeat(40),
    );
    routes(api);
  });
  return app;
}

describe('installAccessControl', () => {
  it('refuses to start when a route declares no access rule', async () => {
    const starting = apiWith((api) => api.get('/forgotten', async () => 'open')).then((app) => app.ready());
    await expect(starting).rejects.toThrow('GET /forgotten declares no access rule');
  });

  it('starts when every route declares one', async () => {
    const app = await apiWith((api) => {
      api.get('/open', { config: { access: 'public' } }, async () => 'open');
      api.get('/flags', { config: { access: { resource: 'flags', action: 'read' } } }, async () => []);
    });
    await expect(app.ready()).resolves.toBeDefined();
    await app.close();
  });
});
