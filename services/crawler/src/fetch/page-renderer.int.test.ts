import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '@claimwatch/shared/config';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient, type HttpClient } from './http-fetch.ts';
import { createPageRenderer, type PageRenderer, SUBREQUESTS_PER_HOST } from './page-renderer.ts';

// A site whose article pages load the same bundle and eight slow scripts each: the server counts what it
// serves and how many requests it has in flight at once.
const SCRIPTS = 8;
const hits = new Map<string, number>();
let inFlight = 0;
let peakInFlight = 0;
let server: Server;
let base: string;
let http: HttpClient;
let renderer: PageRenderer;

const page = (name: string) => `<!doctype html><html><head><script src="/app.js"></script>
${Array.from({ length: SCRIPTS }, (_, i) => `<script src="/${name}-${i}.js"></script>`).join('\n')}
</head><body><main id="story"></main></body></html>`;

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? '/';
    hits.set(path, (hits.get(path) ?? 0) + 1);
    inFlight++;
    peakInFlight = Math.max(peakInFlight, inFlight);
    setTimeout(() => {
      inFlight--;
      if (path.startsWith('/article-')) {
        res.setHeader('content-type', 'text/html; charset=utf-8');
        res.end(page(path.slice(1)));
      } else if (path === '/app.js') {
        res.setHeader('content-type', 'text/javascript');
        res.setHeader('cache-control', 'public, max-age=600');
        res.end(`document.addEventListener('DOMContentLoaded', () => {
          document.getElementById('story').textContent = 'Rendered story for ' + location.pathname;
        });`);
      } else {
        res.setHeader('content-type', 'text/javascript');
        res.end('window.loaded = (window.loaded || 0) + 1;');
      }
    }, 40);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  base = `http://127.0.0.1:${port}`;
  http = createHttpClient({ allowHosts: [`127.0.0.1:${port}`] });
  renderer = createPageRenderer(http, loadConfig({}).crawler.chromiumPath);
});

afterAll(async () => {
  await renderer?.close();
  await http?.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const options = { userAgent: 'ClaimWatchTest/1', timeoutMs: 10_000, maxBodyBytes: 1 << 20, maxRedirects: 3 };

describe('page renderer politeness (real Chromium)', () => {
  it('fetches a shared bundle once across renders and keeps at most two requests in flight per host', async () => {
    const first = await renderer.render(`${base}/article-1`, { ...options, renderTimeoutMs: 20_000 });
    const second = await renderer.render(`${base}/article-2`, { ...options, renderTimeoutMs: 20_000 });
    expect(first.html).toContain('Rendered story for /article-1');
    expect(second.html).toContain('Rendered story for /article-2');
    expect(hits.get('/app.js')).toBe(1);
    for (const article of ['article-1', 'article-2'])
      for (let i = 0; i < SCRIPTS; i++) expect(hits.get(`/${article}-${i}.js`)).toBe(1);
    expect(peakInFlight).toBeLessThanOrEqual(SUBREQUESTS_PER_HOST);
    expect(peakInFlight).toBeGreaterThan(0);
  });
});
