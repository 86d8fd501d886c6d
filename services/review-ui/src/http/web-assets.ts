import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { handleApiNotFound } from './error-handler.ts';

/**
 * Serves the built UI. Hashed assets are cached for a year; index.html is revalidated every time so a
 * new build is picked up. Any other GET that asks for HTML gets index.html: the client router owns
 * those paths (/flags/…, /login).
 */
export async function registerWebAssets(app: FastifyInstance, webDir: string | undefined): Promise<void> {
  if (webDir) {
    await app.register(fastifyStatic, {
      root: webDir,
      wildcard: false,
      serveDotFiles: false,
      setHeaders: (reply, file) => {
        const isHashed = file.startsWith(path.join(webDir, 'assets') + path.sep);
        reply.header('cache-control', isHashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const wantsPage =
      webDir !== undefined &&
      (request.method === 'GET' || request.method === 'HEAD') &&
      !request.url.startsWith('/api/') &&
      (request.headers.accept ?? '').includes('text/html');
    if (!wantsPage) return handleApiNotFound(request, reply);
    // The not-found handler starts at 404; the page itself is a normal answer.
    return reply.code(200).header('cache-control', 'no-cache').sendFile('index.html');
  });
}
