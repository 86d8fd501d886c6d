import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { loadConfig } from '@claimwatch/shared/config';
import { getSource } from '@claimwatch/shared/db';
import {
  buildSource,
  createTestDatabase,
  createTestQueues,
  type TestDatabase,
  type TestQueues,
} from '@claimwatch/shared/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHostPoliteness } from '../fetch/host-politeness.ts';
import { createHttpClient } from '../fetch/http-fetch.ts';
import { httpOptions } from '../fetch/polite-fetch.ts';
import { createRobotsCache } from '../fetch/robots.ts';
import { type PollDeps, pollSource } from './poll-source.ts';

let server: Server;
let base = '';
const recent = new Date(Date.now() - 3600_000).toISOString();
const old = '2019-01-01T00:00:00Z';

const routes: Record<string, () => { type: string; body: string | Buffer; etag?: string }> = {
  '/robots.txt': () => ({ type: 'text/plain', body: 'User-agent: *\nAllow: /\n' }),
  '/feed.xml': () => ({
    type: 'application/rss+xml',
    etag: '"v1"',
    body: `<rss version="2.0"><channel><title>F</title><item><title>A</title><link>${base}/a.html</link><pubDate>Mon, 23 Nov 2026 08:00:00 +0700</pubDate></item></channel></rss>`,
  }),
  '/sitemap-index.xml': () => ({
    type: 'application/xml',
    body: `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
      <sitemap><loc>${base}/news-sitemap.xml.gz</loc><lastmod>${recent}</lastmod></sitemap>
      <sitemap><loc>${base}/archive-2019.xml</loc><lastmod>${old}</lastmod></sitemap></sitemapindex>`,
  }),
  '/news-sitemap.xml.gz': () => ({
    type: 'application/gzip',
    body: gzipSync(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
      <url><loc>${base}/news-1.html</loc><news:news><news:publication_date>${recent}</news:publication_date><news:title>Tin mới</news:title></news:news></url>
      <url><loc>${base}/news-old.html</loc><lastmod>${old}</lastmod></url></urlset>`),
  }),
  '/section/world': () => ({
    type: 'text/html',
    body: `<html><body><nav><a href="/about">About</a></nav>
      <div class="story"><a class="headline" href="/world/story-1.html">Story one</a></div>
      <div class="story"><a class="headline" href="/world/story-2.html">Story two</a></div>
      <div class="ad"><a class="headline" href="https://elsewhere.example/x">Elsewhere</a></div></body></html>`,
  }),
  '/': () => ({
    type: 'text/html',
    body: `<html><head><link rel="alternate" type="application/rss+xml" href="/feed.xml"></head><body>Home</body></html>`,
  }),
};

beforeAll(async () => {
  server = createServer((req, res) => {
    const route = routes[(req.url ?? '/').split('?')[0]!];
    if (!route) {
      res.statusCode = 404;
      return res.end();
    }
    const { type, body, etag } = route();
    if (etag && req.headers['if-none-match'] === etag) {
      res.statusCode = 304;
      return res.end();
    }
    res.setHeader('content-type', type);
    if (etag) res.setHeader('etag', etag);
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

let t: TestDatabase;
let q: TestQueues;
let deps: PollDeps;
beforeAll(async () => {
  t = await createTestDatabase();
  q = await createTestQueues();
  const host = new URL(base).host;
  const config = loadConfig({ CRAWLER_ALLOW_HOSTS: host, CRAWLER_HOST_GAP_OVERRIDES: `${host}=0` }).crawler;
  const http = createHttpClient({ allowHosts: config.allowHosts });
  deps = {
    db: t.db,
    http,
    robots: createRobotsCache(http, httpOptions(config)),
    politeness: createHostPoliteness(q.redis, q.prefix, 10_000),
    config,
  };
});
afterAll(async () => {
  await deps?.http.close();
  await q?.close();
  await t?.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const urlsOf = (result: Awaited<ReturnType<typeof pollSource>>) =>
  result.newPages.map((p) => p.url.replace(base, '')).sort();

describe('polling every kind of source (real database and Redis)', () => {
  it('feed: lists items, then costs nothing when unchanged (conditional GET) and slows down', async () => {
    const source = await buildSource(t.db, {
      kind: 'feed',
      url: `${base}/feed.xml`,
      poll_interval_seconds: 3600,
    });
    const first = await pollSource(deps, source.id);
    expect(first.outcome).toBe('listed');
    expect(urlsOf(first)).toEqual(['/a.html']);
    expect(first.newPages[0]!.listed_published_at?.toISOString()).toBe('2026-11-23T01:00:00.000Z');
    const afterFirst = await getSource(t.db, source.id);
    expect(afterFirst?.etag).toBe('"v1"');
    const second = await pollSource(deps, source.id);
    expect(second.outcome).toBe('not_modified');
    const afterSecond = await getSource(t.db, source.id);
    expect(afterSecond!.adaptive_interval_seconds!).toBeGreaterThan(afterFirst!.adaptive_interval_seconds!);
    const fetches = await t.db
      .selectFrom('fetches')
      .select(['outcome', 'http_status'])
      .where('source_id', '=', source.id)
      .orderBy('started_at')
      .execute();
    expect(fetches).toEqual([
      { outcome: 'ok', http_status: 200 },
      { outcome: 'not_modified', http_status: 304 },
    ]);
  });

  it('sitemap index: follows recent child sitemaps (gzipped, Google News) and skips old entries', async () => {
    const source = await buildSource(t.db, { kind: 'sitemap', url: `${base}/sitemap-index.xml` });
    const result = await pollSource(deps, source.id);
    expect(urlsOf(result)).toEqual(['/news-1.html']);
    expect(result.newPages[0]!.listed_title).toBe('Tin mới');
  });

  it('listing page: picks links with the source selectors, on the same site only', async () => {
    const source = await buildSource(t.db, {
      kind: 'listing',
      url: `${base}/section/world`,
      selectors: JSON.stringify({ links: '.story a.headline' }),
    });
    expect(urlsOf(await pollSource(deps, source.id))).toEqual(['/world/story-1.html', '/world/story-2.html']);
  });

  it('homepage: discovers the feed it advertises; single URL: lists itself', async () => {
    const home = await buildSource(t.db, { kind: 'homepage', url: `${base}/` });
    const listed = await pollSource(deps, home.id);
    expect(listed.listed).toBe(1); // the feed's one item, already known from the feed source
    const single = await buildSource(t.db, { kind: 'url', url: `${base}/submitted-by-staff.html` });
    expect(urlsOf(await pollSource(deps, single.id))).toEqual(['/submitted-by-staff.html']);
  });
});
